/**
 * The parts of a person's record (干部学法档案), each read for one person: study (credits per year,
 * sessions, practice), exams (every attempt, certificates), oaths and promotion cases. Who may see
 * which part is decided in record.ts, before any of these runs.
 */
import { and, count, desc, eq, inArray, max, sql, sum } from 'drizzle-orm';
import { shanghaiDate } from '@xuefa/core';
import type { ReadDb } from '../../db/index.ts';
import {
	certificate,
	exam,
	examAttempt,
	examPaper,
	passRecord,
	practiceAnswer,
	practiceCard,
	promotionCase,
	question,
	questionBank,
	sitting,
	studyAttendance,
	studySession,
	unit
} from '../../db/schema/index.ts';
import { paperOfAttempt } from '../exams/attempt-paper.ts';
import { coreLabel, coreMessage } from '../../core-messages.ts';
import { personCertificates } from '../exams/certificates.ts';
import { countingOfEach } from '../exams/counting.ts';
import { reviewClosesAt } from '../exams/review-close.ts';
import { candidateSeesScore } from '../exams/score-visibility.ts';
import { practisable } from '../practice/scope.ts';
import { personCredits } from '../study/credits.ts';
import { type CaseRow, gatesForList } from './gate.ts';
import { oathStates, personAppointments } from './oaths.ts';

/** Whose record, as the parts need it. */
export interface RecordPerson {
	id: number;
	unitPath: string;
}

interface PartCtx {
	db: ReadDb;
	now: Date;
	user: { id: number };
}

/** Credits per year, every session the person was marked for, and their practice. */
export async function studyPart(ctx: PartCtx, p: RecordPerson) {
	const credits = await personCredits(ctx.db, p.id, ctx.now);
	const sessions = await ctx.db
		.select({
			id: studySession.id,
			date: studySession.date,
			startTime: studySession.startTime,
			topic: studySession.topic,
			form: studySession.form,
			unitName: unit.name,
			status: studyAttendance.status,
			reason: studyAttendance.reason
		})
		.from(studyAttendance)
		.innerJoin(studySession, eq(studySession.id, studyAttendance.sessionId))
		.innerJoin(unit, eq(unit.id, studySession.unitId))
		.where(eq(studyAttendance.personId, p.id))
		.orderBy(desc(studySession.date), desc(studySession.startTime));
	const [answers] = await ctx.db
		.select({
			answered: count(),
			right: sum(sql<number>`${practiceAnswer.outcome} = 'right'`).mapWith(Number),
			lastAt: max(practiceAnswer.answeredAt)
		})
		.from(practiceAnswer)
		.where(eq(practiceAnswer.personId, p.id));
	// the mistake book as the person sees it: questions they may still practise (see practisable)
	const unitIds = p.unitPath.split('/').filter(Boolean).map(Number);
	const [mistakes] = await ctx.db
		.select({ n: count() })
		.from(practiceCard)
		.innerJoin(question, eq(question.id, practiceCard.questionId))
		.innerJoin(questionBank, eq(questionBank.id, question.bankId))
		.where(
			and(
				eq(practiceCard.personId, p.id),
				eq(practiceCard.inMistakeBook, true),
				practisable({ personId: p.id, unitIds })
			)
		);
	const answered = answers?.answered ?? 0;
	const right = answers?.right ?? 0;
	return {
		credits,
		sessions,
		practice: {
			answered,
			right,
			/** Share of answers fully right, 0–1; null before the first answer. */
			accuracy: answered > 0 ? right / answered : null,
			lastActiveAt: answers?.lastAt ? answers.lastAt.getTime() : null,
			mistakes: mistakes?.n ?? 0
		}
	};
}

/**
 * Every exam attempt with its result, and every certificate with its state today. The person
 * themself sees a score, and a certificate, only when their result page would show the score
 * (`candidateSeesScore`). A graded attempt that its sitting does not count under the exam's policy
 * (a pass then a fail under "the last counts") says which attempt counts instead, as the sitting's
 * results and the promotion gate read it.
 */
export async function examsPart(ctx: PartCtx, p: RecordPerson, self: boolean) {
	const rows = await ctx.db
		.select({
			id: examAttempt.id,
			personId: examAttempt.personId,
			sittingId: examAttempt.sittingId,
			number: examAttempt.number,
			state: examAttempt.state,
			paper: examPaper.paper,
			startedAt: examAttempt.startedAt,
			score: examAttempt.score,
			maxScore: examAttempt.maxScore,
			voidReason: examAttempt.voidReason,
			examTitle: exam.title,
			kind: exam.kind,
			counts: exam.counts,
			review: exam.review,
			sittingName: sitting.name,
			closesAt: reviewClosesAt(),
			releasedAt: sitting.releasedAt,
			takenOn: passRecord.takenOn,
			recordScore: passRecord.score,
			recordMax: passRecord.maxScore,
			percent: passRecord.percent,
			band: passRecord.band,
			passed: passRecord.passed
		})
		.from(examAttempt)
		.innerJoin(examPaper, paperOfAttempt)
		.innerJoin(exam, eq(exam.id, examAttempt.examId))
		.innerJoin(sitting, eq(sitting.id, examAttempt.sittingId))
		.leftJoin(passRecord, eq(passRecord.attemptId, examAttempt.id))
		.where(eq(examAttempt.personId, p.id))
		.orderBy(desc(examAttempt.startedAt), desc(examAttempt.id));
	// the attempt each of the person's sittings counts
	const counting = new Map(countingOfEach(rows).map((a) => [a.sittingId, a]));
	const attempts = rows.map((r) => {
		const shown = self ? candidateSeesScore(r, r.review, ctx.now) : r.state === 'graded';
		const counts = counting.get(r.sittingId);
		return {
			id: r.id,
			examTitle: r.examTitle,
			kind: r.kind,
			sittingName: r.sittingName,
			takenOn: r.takenOn ?? shanghaiDate(r.startedAt),
			number: r.number,
			state: r.state,
			// the pass record is what HR and the gate read; the attempt's own until there is one
			score: shown ? (r.recordScore ?? r.score) : null,
			maxScore: r.recordMax ?? r.maxScore,
			percent: shown ? r.percent : null,
			band: shown ? r.band : null,
			passed: shown ? r.passed : null,
			/** The number of the attempt its sitting counts instead (graded ones only), else null. */
			countsInstead:
				shown && r.state === 'graded' && counts && counts.id !== r.id ? counts.number : null,
			voidReason: r.state === 'voided' ? (r.voidReason ?? '') : null
		};
	});
	// a certificate tells a pass: the person sees it once they may see that attempt's score
	const undisclosed = rows
		.filter((r) => self && r.state !== 'voided' && !candidateSeesScore(r, r.review, ctx.now))
		.map((r) => r.id);
	const withheld = new Set(
		undisclosed.length
			? (
					await ctx.db
						.select({ id: certificate.id })
						.from(certificate)
						.where(inArray(certificate.attemptId, undisclosed))
				).map((c) => c.id)
			: []
	);
	const certificates = await personCertificates(ctx.db, p.id, ctx.now);
	return {
		attempts,
		certificates: certificates
			.filter((c) => !withheld.has(c.id))
			.map(({ status, ...c }) => ({
				...c,
				state: status.state,
				/** Why it is suspended or revoked (a code of the app's own, or a person's words). */
				reason: status.reason ?? null,
				daysLeft: status.daysLeft,
				reviewDue: status.reviewDue ?? null
			}))
	};
}

/** Each appointment of the person with its oath state and, once sworn, its ceremony. */
export async function oathsPart(ctx: PartCtx, p: RecordPerson) {
	const rows = await personAppointments(ctx.db, p.id);
	const states = await oathStates(ctx.db, rows, ctx.now);
	return rows.map((a) => ({
		id: a.id,
		post: a.post,
		appointingBody: a.appointingBody,
		body: coreLabel(`oath.body.${a.appointingBody}`),
		appointedOn: a.appointedOn,
		caseId: a.caseId,
		status: states.of(a.id)
	}));
}

/**
 * The person's promotion cases, newest first, each open one with the gate judged now (logged only
 * when its outcome changed, as in the case list), the others with their last outcome; the first
 * reason in words.
 */
export async function casesPart(ctx: PartCtx, p: RecordPerson) {
	const rows = await ctx.db
		.select()
		.from(promotionCase)
		.where(eq(promotionCase.personId, p.id))
		.orderBy(desc(promotionCase.createdAt), desc(promotionCase.id));
	const open = rows.filter((c) => c.state === 'open') as CaseRow[];
	const gates = await gatesForList(ctx, open);
	return rows.map((c) => {
		const decision = gates.get(c.id);
		const first = decision?.reasons[0];
		return {
			id: c.id,
			proposedPost: c.proposedPost,
			appointmentRoute: c.appointmentRoute,
			publicNoticeOn: c.publicNoticeOn,
			state: c.state,
			stateReason: c.stateReason,
			allowed: decision ? decision.allowed : c.gateAllowed,
			reason: first ? coreMessage(first.code, first.data) : null
		};
	});
}
