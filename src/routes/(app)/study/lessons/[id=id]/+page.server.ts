import { redirect } from '@sveltejs/kit';
import { datesNeedYear } from '@xuefa/core';
import { deleteLessonInput, lessonInput } from '$lib/schemas/lessons.ts';
import { act } from '$lib/server/actions.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { deleteLesson, getLesson } from '$lib/server/services/lessons/lessons.ts';
import { practiseLesson } from '$lib/server/services/lessons/practise.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const view = await guard(() => getLesson(ctx, Number(event.params.id)));
	return {
		...view,
		showYear: datesNeedYear(
			view.sessions.map((s) => s.date),
			ctx.now
		),
		confirmDelete: event.url.searchParams.get('confirm') === 'delete'
	};
};

const extra = (event: { params: { id: string } }) => ({ lessonId: event.params.id });

export const actions: Actions = {
	practise: async (event) => {
		const out = await act(event, 'practise', lessonInput, practiseLesson, { extra: extra(event) });
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/practice/s/${out.result}`);
	},
	delete: async (event) => {
		const out = await act(event, 'delete', deleteLessonInput, deleteLesson, {
			extra: extra(event)
		});
		if (out.kind === 'failed') return out.failure;
		redirect(303, '/study/lessons?done=deleted');
	}
};
