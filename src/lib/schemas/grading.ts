import { z } from 'zod';
import { id, optionalText } from './common.ts';

/** A grader's mark of one hand-graded answer: an essay (`12`) or an essay part of a case (`12#1`). */
export const markInput = z.object({
	attemptId: id,
	key: z.string().regex(/^\d{1,12}(#\d{1,3})?$/, { error: 'err_invalid' }),
	score: z.coerce
		.number({ error: 'err_mark_number' })
		.min(0, { error: 'err_mark_range' })
		.max(1000, { error: 'err_mark_range' }),
	comment: optionalText(2000)
});
export type MarkInput = z.infer<typeof markInput>;

/** Release a sitting's results, or re-run the automatic grading of its attempts. */
export const sittingActionInput = z.object({ sittingId: id });
export type SittingActionInput = z.infer<typeof sittingActionInput>;
