/**
 * Which of a person's attempts counts, for the organiser's views of a sitting (results table and
 * .xlsx, score distribution, item analysis), the oversight pass rates and the certificate: the
 * core's countingAttempt under the exam's policy, the same attempt whose pass record HR and the
 * promotion gate read.
 */
import { type SQL, asc, eq } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { type AttemptState, countingAttempt } from '@xuefa/core';
import type { RETAKE_COUNTS } from '$lib/schemas/exam-enums.ts';
import type { ReadDb } from '../../db/index.ts';
import { exam, examAttempt, passRecord } from '../../db/schema/index.ts';

/**
 * What countingByPerson reads of an attempt, and its pass (`passed`, from the pass record joined
 * on the attempt): select these to learn whether the attempt a sitting counts passed.
 */
export const countingColumns = {
	id: examAttempt.id,
	personId: examAttempt.personId,
	number: examAttempt.number,
	state: examAttempt.state,
	score: examAttempt.score,
	passed: passRecord.passed
};

interface StoredAttempt {
	personId: number;
	number: number;
	state: AttemptState;
	score: number | null;
}

/**
 * A sitting's attempts (in number order) by person: all of them, and the one that counts (the
 * highest score or the last graded; undefined while none is graded).
 */
export function countingByPerson<A extends StoredAttempt>(
	rows: readonly A[],
	counts: (typeof RETAKE_COUNTS)[number]
): Map<number, { all: A[]; counting: A | undefined }> {
	const out = new Map<number, { all: A[]; counting: A | undefined }>();
	for (const r of rows) {
		const mine = out.get(r.personId) ?? { all: [], counting: undefined };
		mine.all.push(r);
		out.set(r.personId, mine);
	}
	for (const mine of out.values()) {
		// the core reads the score from the grade: a graded attempt always has one stored
		const scored = mine.all.map((a) => ({ ...a, grade: { score: a.score ?? 0 } }));
		const counting = countingAttempt(scored, { counts });
		mine.counting = counting && mine.all[scored.indexOf(counting)];
	}
	return out;
}

/**
 * The attempt each sitting counts for each person, of rows from any number of sittings (each with
 * its sitting and its exam's policy; in number order within a sitting): one per sitting and person
 * with a graded attempt, by countingByPerson.
 */
export function countingOfEach<
	A extends StoredAttempt & { sittingId: number; counts: (typeof RETAKE_COUNTS)[number] }
>(rows: readonly A[]): A[] {
	const bySitting = new Map<number, A[]>();
	for (const r of rows) {
		const mine = bySitting.get(r.sittingId);
		if (mine) mine.push(r);
		else bySitting.set(r.sittingId, [r]);
	}
	return [...bySitting.values()].flatMap((mine) =>
		[...countingByPerson(mine, mine[0]!.counts).values()].flatMap(({ counting }) =>
			counting ? [counting] : []
		)
	);
}

/**
 * The attempts `where` selects (of any sittings), with what {@link countingOfEach} reads of each and
 * the `extra` columns of the attempt, its exam or its pass record, in number order per sitting.
 */
export function attemptsToCount<E extends Record<string, SQLiteColumn>>(
	db: ReadDb,
	extra: E,
	where: SQL | undefined
) {
	return db
		.select({ ...countingColumns, sittingId: examAttempt.sittingId, counts: exam.counts, ...extra })
		.from(examAttempt)
		.innerJoin(exam, eq(exam.id, examAttempt.examId))
		.leftJoin(passRecord, eq(passRecord.attemptId, examAttempt.id))
		.where(where)
		.orderBy(asc(examAttempt.sittingId), asc(examAttempt.number));
}
