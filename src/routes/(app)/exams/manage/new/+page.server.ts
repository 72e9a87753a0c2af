import { act } from '$lib/server/actions.ts';
import { redirect } from '@sveltejs/kit';
import { examInput } from '$lib/schemas/exams.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { examChoices } from '$lib/server/services/exams/manage.ts';
import { saveExam } from '$lib/server/services/exams/mutate.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return { choices: await guard(() => examChoices(ctx)) };
};

export const actions: Actions = {
	save: async (event) => {
		const out = await act(event, 'save', examInput, saveExam);
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/exams/manage/${out.result}`);
	}
};
