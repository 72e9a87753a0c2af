import { ctxOf, guard } from '$lib/server/http.ts';
import { AIKEN_LEFT_SHOWN, exportSummary } from '$lib/server/services/questions/export.ts';
import type { PageServerLoad } from './$types';

/**
 * What a GIFT export of the bank holds and leaves out (cases, fill-ins of several blanks), before
 * the file is downloaded: its notes at the top of the file are read by nobody who imports it.
 */
export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const all = event.url.searchParams.get('all') === '1';
	const { bank, ...summary } = await guard(() =>
		exportSummary(ctx, Number(event.params.bankId) || 0, { all, format: 'gift' })
	);
	return { bank: { id: bank.id, name: bank.name }, ...summary, all, shown: AIKEN_LEFT_SHOWN };
};
