import { z } from 'zod';
import { confirmed, id, optionalId, optionalText, required, text } from './common.ts';
import { CASE_PARTS, LESSON_KINDS, LESSON_STATUSES } from './lesson-enums.ts';
import { LESSON_TEXT_MAX_CHARS } from './limits.ts';
export { LESSON_TEXT_MAX_CHARS } from './limits.ts';

/** The most questions a lesson offers to practise (one practice set). */
export const LESSON_QUESTIONS_MAX = 50;

/** Question ids separated by spaces, commas or 、, each once, in the order typed. */
const questionIds = z
	.string()
	.max(2000, { error: 'err_too_long' })
	.optional()
	.default('')
	.transform((v, c) => {
		const parts = v.split(/[\s,，、;；]+/).filter(Boolean);
		const ids: number[] = [];
		for (const p of parts) {
			const n = Number(p.replace(/^#/, ''));
			if (!Number.isInteger(n) || n < 1) {
				c.addIssue({ code: 'custom', message: 'err_lesson_question_id' });
				return z.NEVER;
			}
			if (!ids.includes(n)) ids.push(n);
		}
		if (ids.length > LESSON_QUESTIONS_MAX) {
			c.addIssue({ code: 'custom', message: 'err_lesson_too_many_questions' });
			return z.NEVER;
		}
		return ids;
	});

const partFields = Object.fromEntries(
	CASE_PARTS.map((p) => [`part_${p}`, optionalText(LESSON_TEXT_MAX_CHARS)])
) as Record<`part_${(typeof CASE_PARTS)[number]}`, ReturnType<typeof optionalText>>;

/**
 * Create (no `lessonId`) or update a lesson. A lesson needs its body; a case lesson needs its 案情
 * and its 分析 at least, the parts a reader cannot do without.
 */
export const saveLessonInput = z
	.object({
		lessonId: optionalId,
		unitId: optionalId,
		kind: z.enum(LESSON_KINDS, required),
		title: text(100),
		summary: optionalText(300),
		body: optionalText(LESSON_TEXT_MAX_CHARS),
		...partFields,
		questionIds,
		status: z.enum(LESSON_STATUSES, required)
	})
	.superRefine((v, c) => {
		if (v.lessonId === undefined && v.unitId === undefined)
			c.addIssue({ code: 'custom', path: ['unitId'], message: 'err_required' });
		if (v.kind === 'lesson' && !v.body.trim())
			c.addIssue({ code: 'custom', path: ['body'], message: 'err_required' });
		if (v.kind === 'case')
			for (const p of ['facts', 'analysis'] as const)
				if (!v[`part_${p}`].trim())
					c.addIssue({ code: 'custom', path: [`part_${p}`], message: 'err_required' });
	});
export type SaveLessonInput = z.infer<typeof saveLessonInput>;

export const lessonInput = z.object({ lessonId: id });
export type LessonInput = z.infer<typeof lessonInput>;
/** Deleting a lesson cannot be undone: asked for, then confirmed. */
export const deleteLessonInput = lessonInput.extend({ confirmed });

/** The lessons a session studies: the checked ones of the session page's list. */
export const sessionLessonsInput = z.object({
	sessionId: id,
	lessonIds: z.preprocess(
		(v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
		z.array(id).max(20, { error: 'err_too_long' })
	)
});
export type SessionLessonsInput = z.infer<typeof sessionLessonsInput>;
