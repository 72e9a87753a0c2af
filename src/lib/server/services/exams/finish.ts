/**
 * Ending an attempt — by the candidate, at the deadline by the sweep, or on the next request that
 * finds it overdue: submit, grade with the core, and write the pass record and, for a pass, the
 * certificate, all in one transaction.
 */
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import {
	type Attempt,
	type Response,
	decidePass,
	gradeAttempt,
	shanghaiDate,
	submitAttempt
} from '@xuefa/core';
import type { ReadDb, Tx } from '../../db/index.ts';
import {
	certificate,
	exam,
	examAnswer,
	examAttempt,
	examPaper,
	passRecord
} from '../../db/schema/index.ts';
import { appendAudit } from '../audit/append.ts';
import { attemptWithPaper, paperOfAttempt } from './attempt-paper.ts';
import { grantCertificate } from './certificate-grant.ts';
import { recheckPartCertificates } from './certificate-parts.ts';
import { REGRADED, SUPERSEDED } from './certificate-reasons.ts';
import { restoreWithdrawn } from './certificate-restore.ts';
import { countingByPerson, countingColumns } from './counting.ts';
import { type ExamRow, passRulesOf } from './rules.ts';

export type AttemptRow = typeof examAttempt.$inferSelect;

/** The stored attempt as the core's attempt (responses as given). */
export function coreAttempt(
	row: Pick<
		AttemptRow,
		| 'number'
		| 'state'
		| 'startedAt'
		| 'deadline'
		| 'submittedAt'
		| 'autoSubmitted'
		| 'gradedAt'
		| 'manualScores'
		| 'grade'
	>,
	responses: Record<string, Response> = {}
): Attempt {
	return {
		number: row.number,
		state: row.state,
		startedAt: row.startedAt,
		deadline: row.deadline,
		...(row.submittedAt ? { submittedAt: row.submittedAt } : {}),
		autoSubmitted: row.autoSubmitted,
		...(row.gradedAt ? { gradedAt: row.gradedAt } : {}),
		responses,
		manualScores: row.manualScores,
		...(row.grade ? { grade: row.grade } : {})
	};
}

export async function responsesOf(
	db: ReadDb,
	attemptId: number
): Promise<Record<string, Response>> {
	const rows = await db
		.select({ questionId: examAnswer.questionId, response: examAnswer.response })
		.from(examAnswer)
		.where(eq(examAnswer.attemptId, attemptId));
	const out: Record<string, Response> = {};
	for (const r of rows) if (r.response) out[r.questionId] = r.response;
	return out;
}

/**
 * Submits and grades the attempt `attemptId` if it is still in progress (re-read inside the
 * transaction: a sweep in another process may have been first). Returns whether it did.
 */
export async function finishAttempt(
	tx: { db: Tx; now: Date; user: { id: number } | null },
	attemptId: number
): Promise<boolean> {
	const { db, now } = tx;
	const [row] = await db
		.select(attemptWithPaper)
		.from(examAttempt)
		.innerJoin(examPaper, paperOfAttempt)
		.where(eq(examAttempt.id, attemptId));
	if (!row || row.state !== 'in_progress') return false;
	const [e] = await db.select().from(exam).where(eq(exam.id, row.examId));
	const submitted = submitAttempt(coreAttempt(row, await responsesOf(db, attemptId)), now);
	const graded = gradeAttempt(submitted, row.paper, e!.grading, now);
	const { grade, decision, code } = await writeOutcome(tx, row, e!, graded);
	await appendAudit(tx, {
		action: graded.autoSubmitted ? 'exam.attempt.auto_submitted' : 'exam.attempt.submitted',
		entityType: 'exam_attempt',
		entityId: attemptId,
		unitId: e!.unitId,
		after: {
			personId: row.personId,
			state: graded.state,
			score: grade.score,
			maxScore: grade.maxScore,
			passed: decision?.passed ?? null,
			band: decision?.band ?? null,
			...(code ? { certificate: code } : {})
		}
	});
	return true;
}

/**
 * Writes a (re)graded attempt: its state, grade and score, its pass record and — on a pass its
 * sitting counts — a certificate; a regrade that turns a pass into a fail withdraws the certificate
 * this attempt earned, and one it was a part of; an attempt the sitting now counts that is not a
 * pass withdraws those its other attempts earned (and one their pass was a part of). A regrade that
 * undoes such a withdrawal gives the certificate back. The caller audits the attempt.
 */
export async function writeOutcome(
	tx: { db: Tx; now: Date; user: { id: number } | null },
	row: AttemptRow,
	e: ExamRow,
	graded: Attempt
) {
	const { db, now } = tx;
	const grade = graded.grade!;
	await db
		.update(examAttempt)
		.set({
			state: graded.state,
			submittedAt: graded.submittedAt!,
			autoSubmitted: graded.autoSubmitted ?? false,
			gradedAt: graded.gradedAt ?? null,
			grade,
			manualScores: { ...graded.manualScores },
			score: grade.score,
			maxScore: grade.maxScore
		})
		.where(eq(examAttempt.id, row.id));
	const done = graded.state === 'graded';
	const decision = done ? decidePass(grade.score, grade.maxScore, passRulesOf(e)) : undefined;
	const record = {
		personId: row.personId,
		examId: row.examId,
		sittingId: row.sittingId,
		kind: e.kind,
		takenOn: shanghaiDate(row.startedAt),
		status: done ? ('graded' as const) : ('pending' as const),
		score: done ? grade.score : null,
		maxScore: grade.maxScore,
		percent: decision?.percent ?? null,
		band: decision?.band ?? null,
		passed: decision?.passed ?? null,
		updatedAt: now
	};
	await db
		.insert(passRecord)
		.values({ attemptId: row.id, ...record })
		.onConflictDoUpdate({ target: passRecord.attemptId, set: record });
	// the certificate follows the attempt the sitting counts under the exam's policy, as the results
	// and the promotion gate do: a pass that attempt replaces (under "the last counts", a later
	// fail) earns none, and the one it earned is withdrawn below
	const counting = done ? await countingOfSitting(db, row, e) : undefined;
	let code: string | undefined;
	if (!decision?.passed) {
		await db
			.update(certificate)
			.set({ revokedOn: shanghaiDate(now), revokeReason: REGRADED })
			.where(and(eq(certificate.attemptId, row.id), isNull(certificate.revokedOn)));
		// a pass regraded to a fail: a certificate it was one part of falls with it
		if (row.state === 'graded' && e.kind === 'enforcement')
			await recheckPartCertificates(tx, row.personId, { attemptId: row.id, reason: REGRADED });
	}
	if (counting && counting.passed !== true) {
		await withdrawSuperseded(tx, row, e, counting.id);
		// nor does a pass it outranks make up a set of parts any longer
		if (e.kind === 'enforcement' && row.state !== 'graded')
			await recheckPartCertificates(tx, row.personId, { attemptId: row.id, reason: SUPERSEDED });
	}
	if (row.state === 'in_progress') {
		if (decision?.passed && counting?.passed === true)
			code = await grantCertificate(tx, row, e.kind, graded.submittedAt!);
	} else if (done || row.state === 'graded')
		// a grader's last mark, or a regrade: it may change which attempt counts, or undo what
		// withdrew a certificate (a mark short of the last changes neither)
		await settleCertificates(tx, row, e);
	return { grade, decision, code };
}

/**
 * After a mark, a regrade or a void: the pass the sitting now counts has its certificate — the one
 * withdrawn from it (outranked, or regraded to a fail) given back, so its printed code holds again,
 * or, where it earned none because another attempt's stood then, one granted now by the usual rules.
 */
export async function settleCertificates(
	tx: { db: Tx; now: Date; user: { id: number } | null },
	row: Pick<AttemptRow, 'personId' | 'sittingId'>,
	e: ExamRow
) {
	await restoreWithdrawn(tx, row.personId);
	const counting = await countingOfSitting(tx.db, row, e);
	if (counting?.passed !== true) return;
	const [held] = await tx.db
		.select({ id: certificate.id })
		.from(certificate)
		.where(eq(certificate.attemptId, counting.id));
	if (held) return;
	const [pass] = await tx.db.select().from(examAttempt).where(eq(examAttempt.id, counting.id));
	await grantCertificate(tx, pass!, e.kind, pass!.submittedAt!);
}

/** The candidate's attempt that `row`'s sitting counts (countingByPerson), with its pass. */
async function countingOfSitting(
	db: Tx,
	row: Pick<AttemptRow, 'personId' | 'sittingId'>,
	e: ExamRow
) {
	const mine = await db
		.select(countingColumns)
		.from(examAttempt)
		.leftJoin(passRecord, eq(passRecord.attemptId, examAttempt.id))
		.where(and(eq(examAttempt.sittingId, row.sittingId), eq(examAttempt.personId, row.personId)))
		.orderBy(examAttempt.number);
	return countingByPerson(mine, e.counts).get(row.personId)?.counting;
}

/**
 * Withdraws (revokes, audited) the certificates still in force that other attempts of `row`'s
 * sitting earned, now that the attempt the sitting counts, `countingId`, is not a pass: a holder,
 * an organiser and /verify would otherwise show a qualification the results say 不合格.
 */
async function withdrawSuperseded(
	tx: { db: Tx; now: Date; user: { id: number } | null },
	row: AttemptRow,
	e: ExamRow,
	countingId: number
) {
	const today = shanghaiDate(tx.now);
	const withdrawn = await tx.db
		.update(certificate)
		.set({ revokedOn: today, revokeReason: SUPERSEDED })
		.where(
			and(
				isNull(certificate.revokedOn),
				ne(certificate.attemptId, countingId),
				inArray(
					certificate.attemptId,
					tx.db
						.select({ id: examAttempt.id })
						.from(examAttempt)
						.where(
							and(eq(examAttempt.sittingId, row.sittingId), eq(examAttempt.personId, row.personId))
						)
				)
			)
		)
		.returning({
			id: certificate.id,
			code: certificate.verificationCode,
			attemptId: certificate.attemptId
		});
	for (const c of withdrawn)
		await appendAudit(tx, {
			action: 'certificate.revoked',
			entityType: 'certificate',
			entityId: c.id,
			unitId: e.unitId,
			after: {
				personId: row.personId,
				certificate: c.code,
				date: today,
				reason: SUPERSEDED,
				attemptId: c.attemptId,
				countingAttemptId: countingId
			}
		});
}
