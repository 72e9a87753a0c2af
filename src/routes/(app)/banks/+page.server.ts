import { redirect } from '@sveltejs/kit';
import { createBankInput } from '$lib/schemas/banks.ts';
import { authorizeAnywhere } from '$lib/server/authz/index.ts';
import { ctxOf, formAction, guard } from '$lib/server/http.ts';
import { listBanks } from '$lib/server/services/banks/list.ts';
import { createBank } from '$lib/server/services/banks/mutate.ts';
import { flatten, listUnits } from '$lib/server/services/units/list.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(async () => {
		authorizeAnywhere(ctx, 'bank.manage');
		const includeArchived = event.url.searchParams.has('archived');
		const units = flatten(await listUnits(ctx, 'bank.manage')).filter((u) => u.active);
		return {
			banks: await listBanks(ctx, { includeArchived }),
			includeArchived,
			units: units.map((u) => ({ id: u.id, name: u.name, depth: u.depth }))
		};
	});
};

export const actions: Actions = {
	create: async (event) => {
		const out = await formAction(event, createBankInput, createBank);
		if (!out.ok) return out.failure;
		redirect(303, `/banks/${out.result}`);
	}
};
