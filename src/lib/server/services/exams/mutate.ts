import { eq } from 'drizzle-orm';
import {
	type Blueprint,
	type BlueprintSection,
	QUESTION_TYPES,
	ValidationError,
	checkFeasibility,
	validateBlueprint
} from '@xuefa/core';
import type { ExamInput, PublishExamInput } from '$lib/schemas/exams.ts';
import { authorize } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import { exam } from '../../db/schema/index.ts';
import { ConflictError, ForbiddenError, InvalidInputError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { listBanks } from '../banks/list.ts';
import { loadExam } from './access.ts';
import { requirementOf } from './credit-requirement.ts';
import { questionTypes, readyQuestions } from './questions.ts';
import { bandsOf, gradingPolicyOf } from './rules.ts';

/** The blueprint the form describes: one section per question type with a count (or fixed questions). */
async function blueprintOf(ctx: Ctx, input: ExamInput): Promise<Blueprint> {
	const shuffle = { shuffleQuestions: input.shuffle, shuffleOptions: input.shuffle };
	const sections: BlueprintSection[] = [];
	if (input.paperKind === 'fixed') {
		const types = await questionTypes(ctx.db, input.bankIds, input.fixedIds);
		const unknown = input.fixedIds.filter((id) => !types.has(id));
		if (unknown.length)
			throw new InvalidInputError(
				{ fixedIds: ['err_exam_question_unknown'] },
				'error_invalid_input'
			);
		for (const type of QUESTION_TYPES) {
			const fixed = input.fixedIds.filter((id) => types.get(id) === type).map(String);
			if (fixed.length === 0) continue;
			if (!(input[`points_${type}`] > 0))
				throw new InvalidInputError({ [`points_${type}`]: ['err_exam_points_required'] });
			sections.push({ type, count: fixed.length, points: input[`points_${type}`], fixed });
		}
	} else {
		for (const type of QUESTION_TYPES) {
			const count = input[`count_${type}`];
			if (count === 0) continue;
			if (!(input[`points_${type}`] > 0))
				throw new InvalidInputError({ [`points_${type}`]: ['err_exam_points_required'] });
			const law = input[`law_${type}`];
			sections.push({
				type,
				count,
				points: input[`points_${type}`],
				...(law ? { filter: { laws: [{ lawId: law }] } } : {})
			});
		}
	}
	if (sections.length === 0)
		throw new InvalidInputError({ count_single: ['err_exam_blueprint_empty'] });
	const blueprint = { sections, ...shuffle };
	const { errors } = validateBlueprint(blueprint);
	if (errors.length) throw new ValidationError(errors);
	return blueprint;
}

function columnsOf(input: ExamInput, blueprint: Blueprint) {
	return {
		unitId: input.unitId,
		title: input.title,
		kind: input.kind,
		// only an enforcement exam is part of the qualification
		certificatePart: input.kind === 'enforcement' ? input.certificatePart : null,
		paperKind: input.paperKind,
		bankIds: input.bankIds,
		blueprint,
		passMark: input.passMark,
		bands: bandsOf(input.passMark, input.bandExcellent, input.bandGood),
		durationMinutes: input.durationMinutes,
		maxAttempts: input.maxAttempts,
		focusLimit: input.focusLimit,
		counts: input.counts,
		onlyAfterFail: input.onlyAfterFail,
		grading: gradingPolicyOf(input.multiple),
		review: {
			score: input.reviewScore,
			answers: input.reviewAnswers,
			explanations: input.reviewExplanations
		}
	};
}

/**
 * Creates a draft exam, or changes one (`examId`); a published exam is frozen. The banks must be
 * ones the organiser manages.
 */
export async function saveExam(ctx: Ctx, input: ExamInput): Promise<number> {
	await authorize(ctx, 'exam.manage', input.unitId);
	const mine = new Set((await listBanks(ctx)).map((b) => b.id));
	if (input.bankIds.some((b) => !mine.has(b))) throw new ForbiddenError();
	if (input.examId !== undefined) {
		const current = await loadExam(ctx, input.examId);
		if (current.status !== 'draft') throw new ConflictError('err_exam_published');
	}
	const blueprint = await blueprintOf(ctx, input);
	const values = { ...columnsOf(input, blueprint), ...(await requirementOf(ctx.db, input, null)) };
	return transact(ctx, async (tx) => {
		let examId = input.examId;
		if (examId === undefined) {
			const [row] = await tx.db
				.insert(exam)
				.values({ ...values, createdAt: ctx.now, updatedAt: ctx.now, createdBy: ctx.user.id })
				.returning({ id: exam.id });
			examId = row!.id;
		} else {
			await tx.db
				.update(exam)
				.set({ ...values, updatedAt: ctx.now })
				.where(eq(exam.id, examId));
		}
		await appendAudit(tx, {
			action: input.examId === undefined ? 'exam.created' : 'exam.updated',
			entityType: 'exam',
			entityId: examId,
			unitId: input.unitId,
			after: values
		});
		return examId;
	});
}

/**
 * Publishes a draft: the bank's ready questions must be able to fill the blueprint for every
 * candidate, else the core's reasons come back (a ValidationError) and nothing changes.
 */
export async function publishExam(ctx: Ctx, input: PublishExamInput): Promise<number> {
	const current = await loadExam(ctx, input.examId);
	if (current.status !== 'draft') throw new ConflictError('err_exam_published');
	const report = checkFeasibility(await readyQuestions(ctx.db, current.bankIds), current.blueprint);
	if (!report.feasible) throw new ValidationError(report.issues);
	await transact(ctx, async (tx) => {
		await tx.db
			.update(exam)
			.set({ status: 'published', publishedAt: ctx.now, updatedAt: ctx.now })
			.where(eq(exam.id, current.id));
		await appendAudit(tx, {
			action: 'exam.published',
			entityType: 'exam',
			entityId: current.id,
			unitId: current.unitId,
			after: { sections: report.sections }
		});
	});
	return current.id;
}
