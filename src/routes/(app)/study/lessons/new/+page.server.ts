import { error, redirect } from '@sveltejs/kit';
import { t } from '$lib/i18n.ts';
import { LESSON_KINDS, type LessonKind } from '$lib/schemas/lesson-enums.ts';
import { saveLessonInput } from '$lib/schemas/lessons.ts';
import { act } from '$lib/server/actions.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { lessonWritingUnits, saveLesson } from '$lib/server/services/lessons/lessons.ts';
import type { Actions, PageServerLoad } from './$types';

const kindOf = (v: string | null): LessonKind =>
	(LESSON_KINDS as readonly string[]).includes(v ?? '') ? (v as LessonKind) : 'lesson';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const units = await guard(() => lessonWritingUnits(ctx));
	if (units.length === 0) error(403, t('error_forbidden'));
	return { kind: kindOf(event.url.searchParams.get('kind')), units };
};

export const actions: Actions = {
	save: async (event) => {
		const out = await act(event, 'save', saveLessonInput, saveLesson);
		if (out.kind === 'failed') return out.failure;
		// warnings about citations are shown by the editor it lands on
		redirect(303, `/study/lessons/${out.result.id}/edit?done=created`);
	}
};
