import { act } from '$lib/server/actions.ts';
import { redirect } from '@sveltejs/kit';
import { personInput } from '$lib/schemas/org.ts';
import { authorizeAnywhere } from '$lib/server/authz/index.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { createPerson } from '$lib/server/services/people/mutate.ts';
import { activeUnitChoices } from '$lib/server/services/units/list.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(async () => {
		authorizeAnywhere(ctx, 'person.manage');
		return { units: await activeUnitChoices(ctx, 'person.manage') };
	});
};

export const actions: Actions = {
	default: async (event) => {
		const out = await act(event, 'default', personInput, createPerson);
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/admin/people/${out.result}?created=1`);
	}
};
