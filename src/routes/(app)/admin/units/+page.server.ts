import { act } from '$lib/server/actions.ts';
import { redirect } from '@sveltejs/kit';
import { createUnitInput } from '$lib/schemas/org.ts';
import { authorizeAnywhere } from '$lib/server/authz/index.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { flatten, listUnits } from '$lib/server/services/units/list.ts';
import { createUnit } from '$lib/server/services/units/mutate.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(async () => {
		authorizeAnywhere(ctx, 'unit.manage');
		const units = flatten(await listUnits(ctx, 'unit.manage'));
		return {
			units: units.map(({ id, name, kind, active, depth }) => ({ id, name, kind, active, depth }))
		};
	});
};

export const actions: Actions = {
	create: async (event) => {
		const out = await act(event, 'create', createUnitInput, createUnit);
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/admin/units/${out.result}?created=1`);
	}
};
