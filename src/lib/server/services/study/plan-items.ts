import { eq } from 'drizzle-orm';
import { type Issue, validateStudyPlan } from '@xuefa/core';
import type {
	DeletePlanItemInput,
	PlanItemInput,
	UpdatePlanItemInput
} from '$lib/schemas/study.ts';
import { type Ctx, transact } from '../../context.ts';
import { studyPlanItem } from '../../db/schema/index.ts';
import { type FieldErrors, InvalidInputError } from '../../errors.ts';
import { coreMessage } from '../../core-messages.ts';
import { appendAudit } from '../audit/append.ts';
import { loadPlan, loadPlanItem } from './access.ts';
import { corePlan } from './core-shapes.ts';
import { planItems } from './plans.ts';

type ItemFields = Omit<PlanItemInput, 'planId'>;

const facts = (i: ItemFields) => ({
	topic: i.topic,
	form: i.form,
	plannedMonth: i.when.month,
	plannedDate: i.when.date ?? null,
	speaker: i.speaker,
	plannedMinutes: i.plannedMinutes ?? null,
	materialsNote: i.materialsNote,
	laws: i.laws
});

// the core's item paths (items.3.planned) → the form's fields
const FIELD_OF: Record<string, string> = {
	topic: 'topic',
	form: 'form',
	planned: 'when',
	plannedMinutes: 'plannedMinutes',
	laws: 'laws.0.law'
};

/** Checks the plan as it would be with the item (the core knows the rules: a month inside the year …). */
async function checkItem(ctx: Ctx, planId: number, itemId: number | null, fields: ItemFields) {
	const plan = await loadPlan(ctx, planId, 'study.manage');
	const items = await planItems(ctx, planId);
	const id = itemId ?? 0;
	const row = { ...facts(fields), id, planId, createdAt: ctx.now, updatedAt: ctx.now };
	const all = itemId === null ? [...items, row] : items.map((i) => (i.id === itemId ? row : i));
	const index = all.findIndex((i) => i.id === id);
	const errors = validateStudyPlan(corePlan(plan, all)).errors.filter((e) =>
		e.path?.startsWith(`items.${index}.`)
	);
	if (errors.length > 0) throw new InvalidInputError(fieldErrors(errors, index));
	return plan;
}

function fieldErrors(errors: Issue[], index: number): FieldErrors {
	const fields: FieldErrors = {};
	for (const e of errors) {
		const key = e.path!.slice(`items.${index}.`.length).split('.')[0]!;
		(fields[FIELD_OF[key] ?? 'topic'] ??= []).push(coreMessage(e.code, e.data));
	}
	return fields;
}

export async function addPlanItem(ctx: Ctx, input: PlanItemInput): Promise<number> {
	const plan = await checkItem(ctx, input.planId, null, input);
	return transact(ctx, async (tx) => {
		const [row] = await tx.db
			.insert(studyPlanItem)
			.values({ ...facts(input), planId: plan.id, createdAt: tx.now, updatedAt: tx.now })
			.returning({ id: studyPlanItem.id });
		await appendAudit(tx, {
			action: 'study_plan.item_added',
			entityType: 'study_plan',
			entityId: plan.id,
			unitId: plan.unitId,
			after: { itemId: row!.id, ...facts(input) }
		});
		return row!.id;
	});
}

export async function updatePlanItem(ctx: Ctx, input: UpdatePlanItemInput): Promise<number> {
	const { item } = await loadPlanItem(ctx, input.itemId, 'study.manage');
	const plan = await checkItem(ctx, item.planId, item.id, input);
	await transact(ctx, async (tx) => {
		await tx.db
			.update(studyPlanItem)
			.set({ ...facts(input), updatedAt: tx.now })
			.where(eq(studyPlanItem.id, item.id));
		await appendAudit(tx, {
			action: 'study_plan.item_updated',
			entityType: 'study_plan',
			entityId: plan.id,
			unitId: plan.unitId,
			before: { itemId: item.id, topic: item.topic, form: item.form, month: item.plannedMonth },
			after: { itemId: item.id, ...facts(input) }
		});
	});
	return plan.id;
}

/** Deletes an item; sessions that delivered it keep their record and lose the link. */
export async function deletePlanItem(ctx: Ctx, input: DeletePlanItemInput): Promise<number> {
	const { item, plan } = await loadPlanItem(ctx, input.itemId, 'study.manage');
	await transact(ctx, async (tx) => {
		await tx.db.delete(studyPlanItem).where(eq(studyPlanItem.id, item.id));
		await appendAudit(tx, {
			action: 'study_plan.item_deleted',
			entityType: 'study_plan',
			entityId: plan.id,
			unitId: plan.unitId,
			before: { itemId: item.id, topic: item.topic, form: item.form, month: item.plannedMonth }
		});
	});
	return plan.id;
}
