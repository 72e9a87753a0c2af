import { redirect } from '@sveltejs/kit';
import { personInput } from '$lib/schemas/org.ts';
import { authorizeAnywhere } from '$lib/server/authz/index.ts';
import { ctxOf, formAction, guard } from '$lib/server/http.ts';
import { createPerson } from '$lib/server/services/people/mutate.ts';
import { flatten, listUnits } from '$lib/server/services/units/list.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(async () => {
		authorizeAnywhere(ctx, 'person.manage');
		const units = flatten(await listUnits(ctx, 'person.manage')).filter((u) => u.active);
		return { units: units.map((u) => ({ id: u.id, name: u.name, depth: u.depth })) };
	});
};

export const actions: Actions = {
	default: async (event) => {
		const out = await formAction(event, personInput, createPerson);
		if (!out.ok) return out.failure;
		redirect(303, `/admin/people/${out.result}?created=1`);
	}
};
