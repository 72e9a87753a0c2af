import { ctxOf, guard } from '$lib/server/http.ts';
import { AIKEN_LEFT_SHOWN, aikenExportSummary } from '$lib/server/services/questions/export.ts';
import type { PageServerLoad } from './$types';

/**
 * What an Aiken export of the bank holds and leaves out, before the file is downloaded: the
 * questions left out counted by reason and type, the first few listed (`?all=1` lists them all).
 */
export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const all = event.url.searchParams.get('all') === '1';
	const { bank, ...summary } = await guard(() =>
		aikenExportSummary(ctx, Number(event.params.bankId) || 0, { all })
	);
	return { bank: { id: bank.id, name: bank.name }, ...summary, all, shown: AIKEN_LEFT_SHOWN };
};
