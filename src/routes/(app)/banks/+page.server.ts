import { act } from '$lib/server/actions.ts';
import { redirect } from '@sveltejs/kit';
import { createBankInput } from '$lib/schemas/banks.ts';
import { authorizeAnywhere } from '$lib/server/authz/index.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { listBanks } from '$lib/server/services/banks/list.ts';
import { createBank } from '$lib/server/services/banks/mutate.ts';
import { activeUnitChoices } from '$lib/server/services/units/list.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(async () => {
		authorizeAnywhere(ctx, 'bank.manage');
		const includeArchived = event.url.searchParams.has('archived');
		return {
			banks: await listBanks(ctx, { includeArchived }),
			includeArchived,
			units: await activeUnitChoices(ctx, 'bank.manage')
		};
	});
};

export const actions: Actions = {
	create: async (event) => {
		const out = await act(event, 'create', createBankInput, createBank);
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/banks/${out.result}`);
	}
};
