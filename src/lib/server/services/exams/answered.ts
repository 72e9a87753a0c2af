/**
 * How many questions a candidate answered, one count for every page that shows it (the monitor,
 * the result): the saved answers with a response. The save stores a response only when it says
 * something (`isAnswered`, the test the exam page itself applies while the candidate sits), so the
 * "已答" they saw when submitting stays what everyone sees afterwards. Not the grade: a grader's
 * mark on a blank essay does not answer it.
 */
import { and, count, inArray, isNotNull } from 'drizzle-orm';
import type { ReadDb } from '../../db/index.ts';
import { examAnswer } from '../../db/schema/index.ts';

/** The number of answered questions of each attempt (0 for an attempt with none). */
export async function answeredCounts(
	db: ReadDb,
	attemptIds: readonly number[]
): Promise<Map<number, number>> {
	const out = new Map(attemptIds.map((id) => [id, 0]));
	if (attemptIds.length === 0) return out;
	// counted in SQL: the monitor asks for every candidate of a sitting at each refresh
	const rows = await db
		.select({ attemptId: examAnswer.attemptId, answered: count() })
		.from(examAnswer)
		.where(and(inArray(examAnswer.attemptId, [...attemptIds]), isNotNull(examAnswer.response)))
		.groupBy(examAnswer.attemptId);
	for (const r of rows) out.set(r.attemptId, r.answered);
	return out;
}
