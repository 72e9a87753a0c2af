/** What the organiser's exam pages read: lists, the form's choices, a sitting's results. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { QUESTION_TYPES } from '@xuefa/core';
import { authorizeAnywhere, inScope } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import {
	examAttempt,
	exam,
	passRecord,
	questionLawRef,
	sitting,
	sittingPerson,
	sittingUnit,
	unit
} from '../../db/schema/index.ts';
import { listBanks } from '../banks/list.ts';
import { loadExam, loadSitting } from './access.ts';
import { countingByPerson } from './counting.ts';
import { sittingYear } from './credit-requirement.ts';
import { rosterStanding } from './eligibility.ts';
import { type ExamRow, multipleChoiceOf } from './rules.ts';
import { rosterPeople } from './sittings.ts';

/** The exams of the organiser's units, newest first, with how many sittings each has. */
export async function listExams(ctx: Ctx) {
	authorizeAnywhere(ctx, 'exam.manage');
	return ctx.db
		.select({
			id: exam.id,
			title: exam.title,
			kind: exam.kind,
			status: exam.status,
			unitName: unit.name,
			createdAt: exam.createdAt,
			sittings: sql<number>`(SELECT count(*) FROM ${sitting} WHERE ${sitting.examId} = ${exam.id})`
		})
		.from(exam)
		.innerJoin(unit, eq(unit.id, exam.unitId))
		.where(inScope(ctx.user, 'exam.manage', unit.path))
		.orderBy(desc(exam.createdAt));
}

/** The choices of the exam and sitting forms: units, banks, the laws questions cite. */
export async function examChoices(ctx: Ctx) {
	authorizeAnywhere(ctx, 'exam.manage');
	const units = await ctx.db
		.select({ id: unit.id, name: unit.name, path: unit.path })
		.from(unit)
		.where(and(eq(unit.active, true), inScope(ctx.user, 'exam.manage', unit.path)))
		.orderBy(asc(unit.path));
	const banks = (await listBanks(ctx)).map((b) => ({
		id: b.id,
		name: b.name,
		unitName: b.unitName
	}));
	const laws = await ctx.db
		.selectDistinct({ law: questionLawRef.law })
		.from(questionLawRef)
		.orderBy(asc(questionLawRef.law))
		.limit(500);
	return { units, banks, laws: laws.map((l) => l.law) };
}

/** An exam as the form's values (strings), to edit it. */
export function examFormValues(e: ExamRow): Record<string, string> {
	const v: Record<string, string> = {
		examId: String(e.id),
		unitId: String(e.unitId),
		title: e.title,
		kind: e.kind,
		certificatePart: e.certificatePart ?? '',
		paperKind: e.paperKind,
		passMark: String(e.passMark),
		bandExcellent: String(e.bands?.find((b) => b.code === 'excellent')?.min ?? 90),
		bandGood: String(e.bands?.find((b) => b.code === 'good')?.min ?? 80),
		durationMinutes: String(e.durationMinutes),
		maxAttempts: String(e.maxAttempts),
		focusLimit: e.focusLimit === null ? '' : String(e.focusLimit),
		counts: e.counts,
		onlyAfterFail: e.onlyAfterFail ? 'on' : '',
		multiple: multipleChoiceOf(e.grading),
		reviewScore: e.review.score,
		reviewAnswers: e.review.answers,
		reviewExplanations: e.review.explanations,
		shuffle: e.blueprint.shuffleQuestions === false ? '' : 'on',
		bankIds: e.bankIds.join(','),
		fixedIds: e.blueprint.sections.flatMap((s) => s.fixed ?? []).join(' '),
		...creditFormValues(e)
	};
	for (const type of QUESTION_TYPES) {
		const s = e.blueprint.sections.find((x) => x.type === type);
		v[`count_${type}`] = s && e.paperKind === 'blueprint' ? String(s.count) : '';
		v[`points_${type}`] = s ? String(s.points) : '';
		v[`law_${type}`] = s?.filter?.laws?.[0]?.lawId ?? '';
	}
	return v;
}

/** A credit requirement as the form's values: the exam's own, and each new sitting's start. */
function creditFormValues(e: Pick<ExamRow, 'creditsRequired' | 'creditsYear'>) {
	return {
		requireCredits: e.creditsRequired === null ? '' : 'on',
		creditsRequired: e.creditsRequired === null ? '' : String(e.creditsRequired),
		creditsYear: e.creditsYear === null ? '' : String(e.creditsYear)
	};
}

/** An exam with its sittings. */
export async function examDetail(ctx: Ctx, examId: number) {
	const e = await loadExam(ctx, examId);
	const sittings = await ctx.db
		.select({
			id: sitting.id,
			name: sitting.name,
			opensAt: sitting.opensAt,
			closesAt: sitting.closesAt,
			oneDevice: sitting.oneDevice,
			units: sql<number>`(SELECT count(*) FROM ${sittingUnit} WHERE ${sittingUnit.sittingId} = ${sitting.id})`,
			people: sql<number>`(SELECT count(*) FROM ${sittingPerson} WHERE ${sittingPerson.sittingId} = ${sitting.id})`
		})
		.from(sitting)
		.where(eq(sitting.examId, examId))
		.orderBy(asc(sitting.opensAt));
	return { exam: e, values: examFormValues(e), credits: creditFormValues(e), sittings };
}

/**
 * A sitting's results: everyone on the roster with the attempt in it that counts under the exam's
 * policy (the highest score, or the last graded: the core's countingAttempt, whose pass record HR
 * and the promotion gate read), or their latest while none is graded (not started, in progress,
 * submitted …); its score, band and pass, how many attempts each made, and the pass rate among
 * those graded.
 */
export async function sittingResults(ctx: Ctx, sittingId: number) {
	const { sitting: s, exam: e } = await loadSitting(ctx, sittingId);
	const roster = await rosterPeople(ctx.db, sittingId);
	const attempts = await ctx.db
		.select({
			personId: examAttempt.personId,
			id: examAttempt.id,
			number: examAttempt.number,
			state: examAttempt.state,
			startedAt: examAttempt.startedAt,
			submittedAt: examAttempt.submittedAt,
			autoSubmitted: examAttempt.autoSubmitted,
			score: examAttempt.score,
			maxScore: examAttempt.maxScore,
			band: passRecord.band,
			passed: passRecord.passed
		})
		.from(examAttempt)
		.leftJoin(passRecord, eq(passRecord.attemptId, examAttempt.id))
		.where(eq(examAttempt.sittingId, sittingId))
		.orderBy(asc(examAttempt.number));
	const byPerson = countingByPerson(attempts, e.counts);
	const standing = await rosterStanding(ctx.db, s);
	const rows = roster.map((p) => {
		const c = standing?.(p.id);
		const mine = byPerson.get(p.id);
		return {
			...p,
			// the attempt that counts; while none is graded, the latest (in progress, being marked …)
			attempt: mine ? (mine.counting ?? mine.all.at(-1)!) : null,
			attempts: mine?.all.length ?? 0,
			credits: c
				? {
						eligible: c.eligible,
						earned: c.earned,
						required: c.required!,
						text: c.text,
						exemption: c.exemption
					}
				: null
		};
	});
	const graded = rows.filter((r) => r.attempt?.state === 'graded');
	const passed = graded.filter((r) => r.attempt?.passed).length;
	return {
		exam: { id: e.id, title: e.title, kind: e.kind, passMark: e.passMark, counts: e.counts },
		sitting: s,
		rows,
		figures: {
			roster: rows.length,
			attempts: attempts.length,
			graded: graded.length,
			passed,
			passRate: graded.length ? Math.round((passed / graded.length) * 1000) / 10 : null,
			// 资格: who may not start yet for want of study credits (null: none required)
			ineligible: standing ? rows.filter((r) => !r.credits!.eligible).length : null
		},
		credits:
			s.creditsRequired === null
				? null
				: { required: s.creditsRequired, year: s.creditsYear ?? sittingYear(s.opensAt) }
	};
}
