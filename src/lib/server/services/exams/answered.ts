/**
 * How many questions a candidate answered, one count for every page that shows it (the monitor,
 * the result): the saved answers that say something, by the test the exam page itself applies
 * while the candidate sits (`isAnswered`), so that the "已答" they saw when submitting stays what
 * everyone sees afterwards. Not the grade: a grader's mark on a blank essay does not answer it.
 */
import { and, inArray, isNotNull } from 'drizzle-orm';
import { isAnswered } from '$lib/exams/responses.ts';
import type { ReadDb } from '../../db/index.ts';
import { examAnswer } from '../../db/schema/index.ts';

/** The number of answered questions of each attempt (0 for an attempt with none). */
export async function answeredCounts(
	db: ReadDb,
	attemptIds: readonly number[]
): Promise<Map<number, number>> {
	const out = new Map(attemptIds.map((id) => [id, 0]));
	if (attemptIds.length === 0) return out;
	// a save without JavaScript keeps an emptied field as a blank response, not as null
	const rows = await db
		.select({ attemptId: examAnswer.attemptId, response: examAnswer.response })
		.from(examAnswer)
		.where(and(inArray(examAnswer.attemptId, [...attemptIds]), isNotNull(examAnswer.response)));
	for (const r of rows)
		if (isAnswered(r.response)) out.set(r.attemptId, (out.get(r.attemptId) ?? 0) + 1);
	return out;
}
