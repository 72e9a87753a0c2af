import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { planProgress, shanghaiDate, validateStudyPlan } from '@xuefa/core';
import type { PlanInput, PublishPlanInput, UpdatePlanInput } from '$lib/schemas/study.ts';
import { authorize, authorizeAnywhere, can, inScope } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import { studyPlan, studyPlanItem, studySession, studyTeam, unit } from '../../db/schema/index.ts';
import { InvalidInputError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { loadPlan, loadTeam } from './access.ts';
import { corePlan, coreSession } from './core-shapes.ts';
import { studyPolicy } from './policy.ts';

/** The plans of the units where the user reads the study programme, newest year first. */
export async function listPlans(ctx: Ctx) {
	authorizeAnywhere(ctx, 'study.read');
	return ctx.db
		.select({
			id: studyPlan.id,
			year: studyPlan.year,
			title: studyPlan.title,
			status: studyPlan.status,
			unitName: unit.name,
			teamName: studyTeam.name
		})
		.from(studyPlan)
		.innerJoin(unit, eq(unit.id, studyPlan.unitId))
		.leftJoin(studyTeam, eq(studyTeam.id, studyPlan.teamId))
		.where(inScope(ctx.user, 'study.read', unit.path))
		.orderBy(desc(studyPlan.year), asc(unit.path), asc(studyPlan.title));
}

/** A plan's items in month order. */
export async function planItems(ctx: Pick<Ctx, 'db'>, planId: number) {
	return ctx.db
		.select()
		.from(studyPlanItem)
		.where(eq(studyPlanItem.planId, planId))
		.orderBy(
			asc(studyPlanItem.plannedMonth),
			asc(studyPlanItem.plannedDate),
			asc(studyPlanItem.id)
		);
}

/**
 * A plan with its items, its progress (the core's planProgress over the sessions that deliver its
 * items) and the core's warnings (a lecture without a speaker, a talk planned under the minimum).
 * An item whose only held sessions ran under the minimum is `short`: held, but not done.
 */
export async function getPlan(ctx: Ctx, planId: number) {
	const plan = await loadPlan(ctx, planId, 'study.read');
	const items = await planItems(ctx, planId);
	const team = plan.teamId === null ? null : await loadTeam(ctx, plan.teamId, 'study.read');
	const sessions = items.length
		? await ctx.db
				.select()
				.from(studySession)
				.where(
					and(
						inArray(
							studySession.planItemId,
							items.map((i) => i.id)
						),
						ne(studySession.status, 'planned')
					)
				)
		: [];
	const core = corePlan(plan, items);
	const policy = await studyPolicy(ctx.db);
	const studyRules = { minLectureMinutes: policy.minLectureMinutes };
	const progress = planProgress(
		core,
		sessions.flatMap((s) => coreSession(s, [], () => 0) ?? []),
		shanghaiDate(ctx.now),
		studyRules
	);
	const { warnings } = validateStudyPlan(core, studyRules);
	const heldItems = new Set(progress.heldItemIds);
	const tookPlace = new Set(
		sessions.filter((s) => s.status === 'held').map((s) => String(s.planItemId))
	);
	return {
		plan,
		team,
		items: items.map((i) => ({
			...i,
			held: heldItems.has(String(i.id)),
			short: !heldItems.has(String(i.id)) && tookPlace.has(String(i.id))
		})),
		progress,
		warnings,
		manage: can(ctx.user, 'study.manage', plan.unitPath)
	};
}

async function checkTeam(ctx: Ctx, unitId: number, teamId: number | undefined) {
	if (teamId === undefined) return;
	const team = await loadTeam(ctx, teamId, 'study.manage');
	// a plan of a bureau is for one of the bureau's teams, not for a team of another unit
	if (team.unitId !== unitId)
		throw new InvalidInputError({ teamId: ['study_plan_team_other_unit'] });
}

export async function createPlan(ctx: Ctx, input: PlanInput): Promise<number> {
	await authorize(ctx, 'study.manage', input.unitId);
	await checkTeam(ctx, input.unitId, input.teamId);
	const facts = {
		unitId: input.unitId,
		teamId: input.teamId ?? null,
		year: input.year,
		title: input.title
	};
	return transact(ctx, async (tx) => {
		const [row] = await tx.db
			.insert(studyPlan)
			.values({ ...facts, createdAt: tx.now, createdBy: tx.user.id, updatedAt: tx.now })
			.returning({ id: studyPlan.id });
		await appendAudit(tx, {
			action: 'study_plan.created',
			entityType: 'study_plan',
			entityId: row!.id,
			unitId: input.unitId,
			after: facts
		});
		return row!.id;
	});
}

export async function updatePlan(ctx: Ctx, input: UpdatePlanInput): Promise<void> {
	const plan = await loadPlan(ctx, input.planId, 'study.manage');
	await checkTeam(ctx, plan.unitId, input.teamId);
	const after = { title: input.title, teamId: input.teamId ?? null };
	await transact(ctx, async (tx) => {
		await tx.db
			.update(studyPlan)
			.set({ ...after, updatedAt: tx.now })
			.where(eq(studyPlan.id, plan.id));
		await appendAudit(tx, {
			action: 'study_plan.updated',
			entityType: 'study_plan',
			entityId: plan.id,
			unitId: plan.unitId,
			before: { title: plan.title, teamId: plan.teamId },
			after
		});
	});
}

/**
 * Publishes a plan to its team: it must pass the core's validation and hold at least one item.
 * Published once; later edits stay possible and are audited item by item.
 */
export async function publishPlan(ctx: Ctx, input: PublishPlanInput): Promise<void> {
	const plan = await loadPlan(ctx, input.planId, 'study.manage');
	if (plan.status === 'published') return;
	const items = await planItems(ctx, plan.id);
	if (items.length === 0) throw new InvalidInputError({}, 'study_plan_empty');
	const v = validateStudyPlan(corePlan(plan, items));
	if (!v.ok) throw new InvalidInputError({}, 'study_plan_invalid');
	await transact(ctx, async (tx) => {
		await tx.db
			.update(studyPlan)
			.set({ status: 'published', publishedAt: tx.now, publishedBy: tx.user.id, updatedAt: tx.now })
			.where(eq(studyPlan.id, plan.id));
		await appendAudit(tx, {
			action: 'study_plan.published',
			entityType: 'study_plan',
			entityId: plan.id,
			unitId: plan.unitId,
			after: { year: plan.year, title: plan.title, items: items.length }
		});
	});
}
