import { ctxOf, guard } from '$lib/server/http.ts';
import { exportBankAiken } from '$lib/server/services/questions/export.ts';
import type { PageServerLoad } from './$types';

/** What an Aiken export of the bank holds and leaves out, before the file is downloaded. */
export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const { bank, written, left } = await guard(() =>
		exportBankAiken(ctx, Number(event.params.bankId) || 0)
	);
	return { bank: { id: bank.id, name: bank.name }, written, left };
};
