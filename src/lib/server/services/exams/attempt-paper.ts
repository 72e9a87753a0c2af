/**
 * An attempt with its paper. The paper is kept apart (exam_paper: written once, when drawn, so that
 * a start takes a prepared one by pointing to it); reads that need both join it so.
 */
import { eq, getTableColumns } from 'drizzle-orm';
import { examAttempt, examPaper } from '../../db/schema/index.ts';

/** The attempt's columns and its paper's, for `select(…).from(examAttempt).innerJoin(examPaper, paperOfAttempt)`. */
export const attemptWithPaper = {
	...getTableColumns(examAttempt),
	seed: examPaper.seed,
	paper: examPaper.paper,
	questionIds: examPaper.questionIds
};

/** The join of an attempt to its paper. */
export const paperOfAttempt = eq(examPaper.id, examAttempt.paperId);

/** A row of {@link attemptWithPaper}. */
export type AttemptWithPaper = typeof examAttempt.$inferSelect &
	Pick<typeof examPaper.$inferSelect, 'seed' | 'paper' | 'questionIds'>;
