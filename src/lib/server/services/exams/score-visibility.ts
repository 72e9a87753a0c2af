/**
 * Whether a candidate may see the result of one of their attempts now, read from the database: a
 * certificate tells a pass as surely as the score does, so its holder's page asks here first. A
 * voided attempt has no result to hide any more (its certificate is revoked), only its score.
 */
import { eq } from 'drizzle-orm';
import type { ReadDb } from '../../db/index.ts';
import { exam, examAttempt, sitting } from '../../db/schema/index.ts';
import { reviewClosesAt } from './review-close.ts';
import { candidateSeesScore } from './view.ts';

export async function attemptScoreShown(db: ReadDb, attemptId: number, now: Date) {
	const [row] = await db
		.select({
			state: examAttempt.state,
			paper: examAttempt.paper,
			review: exam.review,
			closesAt: reviewClosesAt(),
			releasedAt: sitting.releasedAt
		})
		.from(examAttempt)
		.innerJoin(exam, eq(exam.id, examAttempt.examId))
		.innerJoin(sitting, eq(sitting.id, examAttempt.sittingId))
		.where(eq(examAttempt.id, attemptId));
	return {
		shown: row !== undefined && candidateSeesScore(row, row.review, now),
		voided: row?.state === 'voided'
	};
}
