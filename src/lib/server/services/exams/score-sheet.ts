/**
 * A candidate's score sheet (成绩单) for the personal file: who, which exam and sitting, when, the
 * score per section and in total, the band and the outcome. For the organisers of the exam's unit,
 * and for HR of the candidate's unit (a pre-appointment sheet is the evidence of the promotion gate).
 */
import { eq } from 'drizzle-orm';
import { decidePass } from '@xuefa/core';
import type { Ctx } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import { exam, examAttempt, examPaper, person, sitting, unit } from '../../db/schema/index.ts';
import { attemptWithPaper, paperOfAttempt } from './attempt-paper.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { can, canAnywhere } from '../../authz/index.ts';
import { loadSitting } from './access.ts';
import { passRulesOf } from './rules.ts';

export async function scoreSheet(ctx: Ctx, attemptId: number) {
	const [row] = await ctx.db
		.select({
			attempt: attemptWithPaper,
			name: person.name,
			employeeNo: person.employeeNo,
			unitName: unit.name,
			unitPath: unit.path
		})
		.from(examAttempt)
		.innerJoin(examPaper, paperOfAttempt)
		.innerJoin(person, eq(person.id, examAttempt.personId))
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(eq(examAttempt.id, attemptId));
	if (!row) throw canAnywhere(ctx.user, 'exam.manage') ? new NotFoundError() : new ForbiddenError();
	// HR reads the sheet as the gate's evidence; the sitting's page is only for those managing the exam
	const {
		sitting: s,
		exam: e,
		examPath
	} = can(ctx.user, 'promotion.read', row.unitPath)
		? await sittingOf(ctx.db, row.attempt.sittingId)
		: { ...(await loadSitting(ctx, row.attempt.sittingId)), examPath: null };
	const managesExam = examPath === null || can(ctx.user, 'exam.manage', examPath);
	const a = row.attempt;
	const grades = new Map(a.grade?.items.map((g) => [g.questionId, g]));
	const graded = a.state === 'graded' && a.score !== null && a.maxScore !== null;
	return {
		exam: { title: e.title, kind: e.kind, passMark: e.passMark, unitName: e.unitName },
		sitting: { id: s.id, name: s.name, managed: managesExam },
		person: { name: row.name, employeeNo: row.employeeNo, unitName: row.unitName },
		attempt: {
			number: a.number,
			state: a.state,
			startedAt: a.startedAt.getTime(),
			submittedAt: a.submittedAt?.getTime() ?? null,
			voidReason: a.voidReason
		},
		sections: a.paper.sections.map((sec) => ({
			type: sec.type,
			count: sec.items.length,
			points: sec.items.reduce((t, i) => t + i.points, 0),
			score: graded
				? Math.round(
						sec.items.reduce((t, i) => t + (grades.get(i.question.id)?.score ?? 0), 0) * 100
					) / 100
				: null
		})),
		result: graded
			? {
					score: a.score!,
					maxScore: a.maxScore!,
					...decidePass(a.score!, a.maxScore!, passRulesOf(e))
				}
			: null,
		printedAt: ctx.now.getTime()
	};
}

/** A sitting and its exam, read for HR (who do not manage exams), with the exam's unit name. */
async function sittingOf(db: ReadDb, sittingId: number) {
	const [row] = await db
		.select({ sitting, exam, unitName: unit.name, examPath: unit.path })
		.from(sitting)
		.innerJoin(exam, eq(exam.id, sitting.examId))
		.innerJoin(unit, eq(unit.id, exam.unitId))
		.where(eq(sitting.id, sittingId));
	return {
		sitting: row!.sitting,
		exam: { ...row!.exam, unitName: row!.unitName },
		examPath: row!.examPath as string | null
	};
}
