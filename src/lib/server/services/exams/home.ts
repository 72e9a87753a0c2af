import { and, asc, eq, gt, inArray, lte, notExists } from 'drizzle-orm';
import { canAnywhere } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { exam, examAttempt, sitting } from '../../db/schema/index.ts';
import { candidateStanding, offeredSittingColumns } from './eligibility.ts';
import { onRoster } from './sittings.ts';

/**
 * The sittings open now that the signed-in cadre is on the roster of and has not yet taken, the
 * one closing first first: the home page's reminder. Read only (the "My exams" page is where
 * overdue attempts are closed).
 */
export async function openSittings(ctx: Ctx, limit = 5) {
	const personId = ctx.user.personId;
	if (personId === null || !canAnywhere(ctx.user, 'exam.take')) return [];
	const rows = await ctx.db
		.select(offeredSittingColumns)
		.from(sitting)
		.innerJoin(exam, eq(exam.id, sitting.examId))
		.where(
			and(
				eq(exam.status, 'published'),
				lte(sitting.opensAt, ctx.now),
				gt(sitting.closesAt, ctx.now),
				onRoster(personId, sitting.id),
				notExists(
					ctx.db
						.select({ id: examAttempt.id })
						.from(examAttempt)
						.where(
							and(
								eq(examAttempt.sittingId, sitting.id),
								eq(examAttempt.personId, personId),
								inArray(examAttempt.state, ['submitted', 'needs_grading', 'graded', 'voided'])
							)
						)
				)
			)
		)
		.orderBy(asc(sitting.closesAt))
		.limit(limit);
	// a sitting the cadre lacks the study credits for stays listed, marked: they should know of it
	const standing = await candidateStanding(ctx.db, rows, personId);
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		title: r.title,
		closesAt: r.closesAt.getTime(),
		eligible: standing.get(r.id)?.eligible ?? true
	}));
}
