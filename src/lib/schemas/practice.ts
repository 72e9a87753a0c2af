import { z } from 'zod';
import { id, required } from './common.ts';
import { SELF_MARKS } from './practice-enums.ts';

export { PRACTICE_SIZES, SELF_MARKS, type SelfMark } from './practice-enums.ts';

export const PRACTICE_SOURCES = ['law', 'topic', 'bank', 'review', 'mistakes'] as const;

/** Start a practice set: by law, topic or bank (with `value`), today's review, or the mistake book. */
export const startPracticeInput = z
	.object({
		by: z.enum(PRACTICE_SOURCES, required),
		value: z.string().trim().max(200).optional().default(''),
		count: z.coerce.number().int().min(1).max(50).catch(10).default(10)
	})
	.refine((v) => v.by === 'review' || v.by === 'mistakes' || v.value !== '', {
		error: 'err_required',
		path: ['value']
	});
export type StartPracticeInput = z.infer<typeof startPracticeInput>;

/**
 * Raw answer fields of a question form, by name: `a` for the question, `p0`, `p1` … for the parts of
 * a case; a fill-in blank adds `_0`, `_1` …. The service reads them against the stored question, so
 * the browser never decides what type a question has.
 */
export const answerFields = z.record(
	z.string().regex(/^(a|p\d{1,2})(_\d{1,2})?$/),
	z.array(z.string().max(5000)).max(26)
);

/** Answer the current question of a set (the exact version shown). */
export const answerInput = z.object({
	sessionId: id,
	position: z.coerce.number().int().min(0),
	questionId: id,
	version: id,
	fields: answerFields
});
export type AnswerInput = z.infer<typeof answerInput>;

/** The learner's own marks for the essay parts of the pending answer: `a` or `p0`, `p1` …. */
export const assessInput = z.object({
	sessionId: id,
	position: z.coerce.number().int().min(0),
	marks: z.record(z.string().regex(/^(a|p\d{1,2})$/), z.enum(SELF_MARKS, required))
});
export type AssessInput = z.infer<typeof assessInput>;

/** Move on from the answered question. */
export const nextInput = z.object({
	sessionId: id,
	position: z.coerce.number().int().min(0)
});
export type NextInput = z.infer<typeof nextInput>;
