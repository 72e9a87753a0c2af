import { act } from '$lib/server/actions.ts';
import { redirect } from '@sveltejs/kit';
import { startPracticeInput } from '$lib/schemas/practice.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { practiceOverview } from '$lib/server/services/practice/overview.ts';
import { startPractice } from '$lib/server/services/practice/start.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return { overview: await guard(() => practiceOverview(ctx)) };
};

export const actions: Actions = {
	start: async (event) => {
		const out = await act(event, 'start', startPracticeInput, startPractice);
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/practice/s/${out.result}`);
	}
};
