import { redirect } from '@sveltejs/kit';
import { APPOINTING_BODIES } from '@xuefa/core';
import { caseInput } from '$lib/schemas/hr.ts';
import { act } from '$lib/server/actions.ts';
import { authorizeAnywhere } from '$lib/server/authz/index.ts';
import { coreLabel } from '$lib/server/core-messages.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { openCase } from '$lib/server/services/hr/cases.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	await guard(async () => authorizeAnywhere(ctx, 'promotion.manage'));
	return {
		bodies: APPOINTING_BODIES.map((b) => ({ value: b, label: coreLabel(`oath.body.${b}`) }))
	};
};

export const actions: Actions = {
	open: async (event) => {
		const out = await act(event, 'open', caseInput, openCase);
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/hr/cases/${out.result}?done=opened`);
	}
};
