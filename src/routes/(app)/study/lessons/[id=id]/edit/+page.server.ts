import { saveLessonInput } from '$lib/schemas/lessons.ts';
import { act, done } from '$lib/server/actions.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { getLessonForEdit, saveLesson } from '$lib/server/services/lessons/lessons.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const { lesson, questionIds, warnings } = await guard(() =>
		getLessonForEdit(ctx, Number(event.params.id))
	);
	const initial: Record<string, string> = {
		title: lesson.title,
		summary: lesson.summary,
		body: lesson.body,
		status: lesson.status,
		questionIds: questionIds.join(', ')
	};
	for (const [p, text] of Object.entries(lesson.parts)) initial[`part_${p}`] = text ?? '';
	return { lesson: { id: lesson.id, kind: lesson.kind, title: lesson.title }, initial, warnings };
};

export const actions: Actions = {
	save: async (event) => {
		const out = await act(event, 'save', saveLessonInput, saveLesson, {
			extra: { lessonId: event.params.id }
		});
		if (out.kind === 'failed') return out.failure;
		done(event, 'saved');
	}
};
