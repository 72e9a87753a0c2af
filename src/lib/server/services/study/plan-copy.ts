/**
 * 复制上一年计划: in December an organiser starts next year's plan from this year's. The core's
 * copyPlanItems moves each item into the new year; only the items travel (never a session, an
 * attendance mark or a file, which belong to the year that held them).
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { copyPlanItems, plannedMonth } from '@xuefa/core';
import type { CopyPreviousPlanInput } from '$lib/schemas/study.ts';
import { type Ctx, transact } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import { studyPlan, studyPlanItem } from '../../db/schema/index.ts';
import { InvalidInputError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { loadPlan } from './access.ts';
import { corePlan } from './core-shapes.ts';
import { planItems } from './plans.ts';

type PlanRow = typeof studyPlan.$inferSelect;

/**
 * The plan a plan is copied from: the same unit's plan for the same team (or for the whole unit)
 * of the year before, the published one first, then the latest.
 */
async function sourceOf(db: ReadDb, plan: PlanRow) {
	const [row] = await db
		.select()
		.from(studyPlan)
		.where(
			and(
				eq(studyPlan.unitId, plan.unitId),
				plan.teamId === null ? isNull(studyPlan.teamId) : eq(studyPlan.teamId, plan.teamId),
				eq(studyPlan.year, plan.year - 1)
			)
		)
		// 'published' sorts after 'draft'
		.orderBy(desc(studyPlan.status), desc(studyPlan.updatedAt), desc(studyPlan.id));
	return row ?? null;
}

/**
 * What the plan page offers to copy into an empty plan the user manages: last year's plan with
 * its item count, or null (no such plan, or nothing in it).
 */
export async function previousPlanOffer(ctx: Ctx, planId: number) {
	const plan = await loadPlan(ctx, planId, 'study.manage');
	const source = await sourceOf(ctx.db, plan);
	if (!source) return null;
	const items = await planItems(ctx, source.id);
	return items.length
		? { id: source.id, title: source.title, year: source.year, items: items.length }
		: null;
}

/**
 * Fills an empty plan with the items of last year's plan (see {@link previousPlanOffer}), moved into
 * the plan's year, in one transaction with one audit entry. Refused when the plan already has items
 * (checked again inside the transaction, so two organisers copying at once do not double it).
 */
export async function copyPreviousPlan(ctx: Ctx, input: CopyPreviousPlanInput): Promise<number> {
	const plan = await loadPlan(ctx, input.planId, 'study.manage');
	const source = await sourceOf(ctx.db, plan);
	if (!source)
		throw new InvalidInputError({}, 'study_plan_copy_no_source', { year: plan.year - 1 });
	return transact(ctx, async (tx) => {
		const rows = await planItems(tx, source.id);
		const copies = copyPlanItems(
			corePlan(source, rows),
			corePlan(plan, await planItems(tx, plan.id))
		);
		const byId = new Map(rows.map((r) => [String(r.id), r]));
		const values = copies.map((c) => {
			const from = byId.get(c.id)!;
			return {
				planId: plan.id,
				topic: from.topic,
				form: from.form,
				plannedMonth: plannedMonth(c.planned),
				plannedDate: 'date' in c.planned ? c.planned.date : null,
				speaker: from.speaker,
				plannedMinutes: from.plannedMinutes,
				materialsNote: from.materialsNote,
				laws: from.laws,
				createdAt: tx.now,
				updatedAt: tx.now
			};
		});
		await tx.db.insert(studyPlanItem).values(values);
		await appendAudit(tx, {
			action: 'study_plan.copied',
			entityType: 'study_plan',
			entityId: plan.id,
			unitId: plan.unitId,
			after: {
				fromTitle: source.title,
				fromYear: source.year,
				year: plan.year,
				items: values.length
			}
		});
		return values.length;
	});
}
