import { redirect } from '@sveltejs/kit';
import { startPracticeInput } from '$lib/schemas/practice.ts';
import { ctxOf, formAction, guard } from '$lib/server/http.ts';
import { practiceOverview } from '$lib/server/services/practice/overview.ts';
import { startPractice } from '$lib/server/services/practice/start.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return { overview: await guard(() => practiceOverview(ctx)) };
};

export const actions: Actions = {
	start: async (event) => {
		const out = await formAction(event, startPracticeInput, startPractice);
		if (!out.ok) return out.failure;
		redirect(303, `/practice/s/${out.result}`);
	}
};
