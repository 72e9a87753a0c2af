import { act } from '$lib/server/actions.ts';
import { redirect } from '@sveltejs/kit';
import { examInput, publishExamInput, sittingInput } from '$lib/schemas/exams.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { examChoices, examDetail } from '$lib/server/services/exams/manage.ts';
import { publishExam, saveExam } from '$lib/server/services/exams/mutate.ts';
import { createSitting } from '$lib/server/services/exams/sittings.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const id = Number(event.params.id);
	const detail = await guard(() => examDetail(ctx, id));
	return {
		...detail,
		choices: await guard(() => examChoices(ctx)),
		published: event.url.searchParams.has('published')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const out = await act(event, 'save', examInput, saveExam, {
			extra: {
				examId: event.params.id
			}
		});
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/exams/manage/${out.result}`);
	},
	publish: async (event) => {
		const out = await act(event, 'publish', publishExamInput, publishExam, {
			extra: { examId: event.params.id }
		});
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/exams/manage/${out.result}?published`);
	},
	sitting: async (event) => {
		const out = await act(event, 'sitting', sittingInput, createSitting, {
			extra: {
				examId: event.params.id
			}
		});
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/exams/manage/sittings/${out.result}`);
	}
};
