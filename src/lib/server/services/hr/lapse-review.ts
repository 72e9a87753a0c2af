/**
 * HR records its review of an appointment whose exam evidence lapsed (the pass it relied on voided
 * or regraded afterwards): what it concluded or did. The case then stops being flagged on the list
 * and the home page until the pass changes again.
 */
import type { LapseReviewInput } from '$lib/schemas/hr.ts';
import { type Ctx, transact } from '../../context.ts';
import { lapseReview } from '../../db/schema/index.ts';
import { ConflictError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { loadCase } from './cases.ts';
import { evidenceLapses } from './evidence-lapse.ts';

/**
 * Records the review of the lapse the page showed. Refused when the case is not appointed on a
 * lapsed pass, when the lapse was reviewed already (by another HR user a moment before), and when the pass changed again since the page was read
 * (`lapsedAt` differs): HR reviews what it saw, and a later change is shown to it first.
 */
export async function reviewLapse(ctx: Ctx, input: LapseReviewInput): Promise<void> {
	const row = await loadCase(ctx, input.caseId, 'promotion.manage');
	await transact(ctx, async (tx) => {
		const lapse = (
			await evidenceLapses(tx.db, [{ id: row.c.id, state: row.c.state, allowedNow: null }])
		).get(row.c.id);
		if (!lapse?.appointed) throw new ConflictError('err_hr_lapse_nothing');
		// another HR user's submission came first (two pages open at once): theirs stands
		if (lapse.review) throw new ConflictError('err_hr_lapse_reviewed');
		if (lapse.at !== input.lapsedAt) throw new ConflictError('err_hr_lapse_changed');
		const [made] = await tx.db
			.insert(lapseReview)
			.values({
				caseId: row.c.id,
				attemptId: lapse.attemptId,
				lapsedAt: new Date(lapse.at),
				note: input.note,
				reviewedBy: ctx.user.id,
				reviewedAt: ctx.now
			})
			.returning({ id: lapseReview.id });
		await appendAudit(tx, {
			action: 'promotion_case.lapse_reviewed',
			entityType: 'promotion_case',
			entityId: row.c.id,
			unitId: row.unitId,
			after: {
				reviewId: made!.id,
				attemptId: lapse.attemptId,
				change: lapse.change,
				lapsedAt: new Date(lapse.at).toISOString(),
				note: input.note
			}
		});
	});
}
