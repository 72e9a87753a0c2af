/**
 * Whether a candidate may see the result of one of their attempts now, read from the database: a
 * certificate tells a pass as surely as the score does, so its holder's page asks here first. A
 * voided attempt has no result to hide any more (its certificate is revoked), only its score.
 */
import { eq } from 'drizzle-orm';
import type { ReadDb } from '../../db/index.ts';
import {
	exam,
	examAttempt,
	examPaper,
	sitting,
	type ReviewOptions
} from '../../db/schema/index.ts';
import { type AttemptWithPaper, paperOfAttempt } from './attempt-paper.ts';
import { gradedByHand } from './manual-items.ts';
import { reviewClosesAt } from './review-close.ts';
import { reviewAllows } from './rules.ts';

/** An attempt graded partly by hand whose sitting's results are not yet released. */
export function awaitingRelease(
	a: Pick<AttemptWithPaper, 'state' | 'paper'> & { releasedAt: Date | null }
) {
	return (
		gradedByHand(a.paper) &&
		a.releasedAt === null &&
		(a.state === 'needs_grading' || a.state === 'graded')
	);
}

/**
 * Whether the candidate may see their score now: graded, released when marked by hand, and as the
 * exam's review options allow. Their result page and their personal record both ask here, with
 * `closesAt` the sitting's effective close (`reviewClosesAt`).
 */
export function candidateSeesScore(
	a: Pick<AttemptWithPaper, 'state' | 'paper'> & { closesAt: Date; releasedAt: Date | null },
	review: ReviewOptions,
	now: Date
): boolean {
	return a.state === 'graded' && !awaitingRelease(a) && reviewAllows(review.score, true, a, now);
}

/** Whether the candidate may see the result of their attempt `attemptId` now (see above). */
export async function attemptScoreShown(db: ReadDb, attemptId: number, now: Date) {
	const [row] = await db
		.select({
			state: examAttempt.state,
			paper: examPaper.paper,
			review: exam.review,
			closesAt: reviewClosesAt(),
			releasedAt: sitting.releasedAt
		})
		.from(examAttempt)
		.innerJoin(examPaper, paperOfAttempt)
		.innerJoin(exam, eq(exam.id, examAttempt.examId))
		.innerJoin(sitting, eq(sitting.id, examAttempt.sittingId))
		.where(eq(examAttempt.id, attemptId));
	return {
		shown: row !== undefined && candidateSeesScore(row, row.review, now),
		voided: row?.state === 'voided'
	};
}
