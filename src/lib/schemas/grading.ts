import { z } from 'zod';
import { confirmed, id, optionalText, typedNumber } from './common.ts';

/**
 * A mark has at most two decimals: a case's parts share its points to the hundredth (3.33 + 6.67),
 * so a part's full mark needs them, and nothing finer is ever a mark.
 */
const hundredths = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;

/** A grader's mark of one hand-graded answer: an essay (`12`) or an essay part of a case (`12#1`). */
export const markInput = z.object({
	attemptId: id,
	key: z.string().regex(/^\d{1,12}(#\d{1,3})?$/, { error: 'err_invalid' }),
	score: typedNumber('err_mark_number', (n) =>
		n
			.min(0, { error: 'err_mark_range' })
			.max(1000, { error: 'err_mark_range' })
			.refine(hundredths, { error: 'err_mark_hundredths' })
	),
	comment: optionalText(2000),
	/**
	 * When the mark the grader saw was given (ms), or blank for no mark: a mark given since (by
	 * another grader, or in another tab) is not overwritten unseen. Absent: no such check.
	 */
	seen: z.preprocess(
		(v) => (v === '' ? null : v),
		z.coerce.number({ error: 'err_invalid' }).int().nonnegative().nullable().optional()
	)
});
export type MarkInput = z.infer<typeof markInput>;

/** Release a sitting's results, or re-run the automatic grading of its attempts. */
export const sittingActionInput = z.object({ sittingId: id });
export type SittingActionInput = z.infer<typeof sittingActionInput>;

/**
 * Release a sitting's results: confirmed first, as it shows every candidate their score and tells
 * them so, and cannot be taken back.
 */
export const releaseResultsInput = sittingActionInput.extend({ confirmed });
