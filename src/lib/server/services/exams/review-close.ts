/**
 * When a sitting counts as closed for review ("after close"): its window's close, or later while
 * a candidate given extra time still sits it. Otherwise those who finished would read the right
 * answers while someone extended past the close is still answering.
 */
import { sql } from 'drizzle-orm';
import { examAttempt, sitting } from '../../db/schema/index.ts';

/**
 * The effective close of the sitting in the query (which must have `sitting` in its FROM): the
 * later of its close and every deadline of an attempt still in progress in it. It moves with each
 * extension and falls back to the close once the last of them is submitted.
 */
export function reviewClosesAt() {
	// spelt out with an alias: drizzle drops table names from a one-table query's columns, which
	// would leave the inner `id` meaning the attempt's
	return sql<Date>`max(${sitting.closesAt}, coalesce((SELECT max("running"."deadline") FROM ${examAttempt} AS "running" WHERE "running"."sitting_id" = "sitting"."id" AND "running"."state" = 'in_progress'), 0))`.mapWith(
		sitting.closesAt
	);
}

/**
 * When the right answers of an exam may be shown "after close" or "after release": once every
 * sitting of the exam in the query's `sitting` has closed as {@link reviewClosesAt} has it. A make-up
 * sitting of the same exam draws from the same banks (with a fixed paper, the same questions), so
 * answers read after the first sitting would be known before the second. A sitting added later
 * hides them again until it closes.
 */
export function examAnswersCloseAt() {
	return sql<Date>`max((SELECT max("other"."closes_at") FROM ${sitting} AS "other" WHERE "other"."exam_id" = "sitting"."exam_id"), coalesce((SELECT max("running"."deadline") FROM ${examAttempt} AS "running" WHERE "running"."exam_id" = "sitting"."exam_id" AND "running"."state" = 'in_progress'), 0))`.mapWith(
		sitting.closesAt
	);
}
