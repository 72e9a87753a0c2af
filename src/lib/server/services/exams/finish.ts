/**
 * Ending an attempt — by the candidate, at the deadline by the sweep, or on the next request that
 * finds it overdue: submit, grade with the core, and write the pass record and, for a pass, the
 * certificate, all in one transaction.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import {
	type Attempt,
	type CertificatePolicy,
	IN_FORCE_STATES,
	type Response,
	createVerificationCode,
	decidePass,
	gradeAttempt,
	issueCertificate,
	partsPassed,
	shanghaiDate,
	submitAttempt
} from '@xuefa/core';
import type { ExamKind } from '$lib/schemas/exam-enums.ts';
import type { ReadDb, Tx } from '../../db/index.ts';
import { certificate, exam, examAnswer, examAttempt, passRecord } from '../../db/schema/index.ts';
import { appendAudit } from '../audit/append.ts';
import { countingPartPasses, recheckPartCertificates } from './certificate-parts.ts';
import { requalificationOf } from './certificate-bar.ts';
import { REGRADED, SUPERSEDED, restoreWithdrawn } from './certificate-restore.ts';
import { certificatePolicy } from './certificate-policy.ts';
import { countingByPerson, countingColumns } from './counting.ts';
import { type StatusRow, eventsOfCertificates, statusesOn } from './certificate-state.ts';
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
	const [row] = await db.select().from(examAttempt).where(eq(examAttempt.id, attemptId));
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

/** Whether one of the certificates is in force today, with its suspensions and revocations. */
async function anyInForce(
	tx: { db: Tx; now: Date },
	rows: readonly StatusRow[],
	policy: CertificatePolicy
) {
	if (rows.length === 0) return false;
	const events = await eventsOfCertificates(
		tx.db,
		rows.map((r) => r.id)
	);
	return statusesOn(rows, events, shanghaiDate(tx.now), policy).some((c) =>
		IN_FORCE_STATES.includes(c.status.state)
	);
}

/**
 * A certificate for the pass, unless the person already holds one in force for this exam. Where the
 * settings require several parts (通用 and 专门), only once each part has a pass; a province-wide window
 * that does not cover the pass day (the next window not set yet) gives way to the period from the pass,
 * because a pass must never fail to be recorded.
 */
async function grantCertificate(
	tx: { db: Tx; now: Date },
	row: AttemptRow,
	kind: ExamKind,
	passedAt: Date
): Promise<string | undefined> {
	const policy = await certificatePolicy(tx.db);
	const parts = kind === 'enforcement' && (policy.requiredParts?.length ?? 0) > 0;
	const mine = await tx.db
		.select({
			id: certificate.id,
			validFrom: certificate.validFrom,
			validUntil: certificate.validUntil,
			revokedOn: certificate.revokedOn,
			createdAt: certificate.createdAt
		})
		.from(certificate)
		.where(
			and(
				eq(certificate.personId, row.personId),
				parts ? eq(certificate.kind, kind) : eq(certificate.examId, row.examId)
			)
		);
	// held means in force today: an expired one is requalified for by a pass, a suspended or
	// revoked one only once its sanction allows (./certificate-bar.ts)
	if (await anyInForce(tx, mine, policy)) return undefined;
	const passedOn = shanghaiDate(passedAt);
	const barOn = await requalificationOf(tx.db, row.personId, kind, policy);
	// a pass taken under a sanction grants nothing, nor one graded (by hand, later) under it
	if (barOn(passedOn).barred || barOn(shanghaiDate(tx.now)).barred) return undefined;
	if (parts) {
		// the person's passes of the qualification's exams, this one included (written just before),
		// taken since their last certificate: the parts of that one do not count twice
		const last = mine.reduce<Date | null>(
			(t, c) => (t === null || c.createdAt > t ? c.createdAt : t),
			null
		);
		// (each the attempt its sitting counts: a pass a later attempt outranks makes up no part)
		const passes = await countingPartPasses(tx.db, row.personId);
		// nor does a part passed while a sanction stood count towards a later certificate
		const counted = passes.filter(
			(p) => (last === null || p.startedAt > last) && !barOn(p.passedOn).barred
		);
		if (!partsPassed(counted, policy).complete) return undefined;
	}
	const window = policy.window;
	const outside = window && (passedOn < window.from || passedOn > window.until);
	const code = createVerificationCode((n) => randomBytes(n));
	const cert = issueCertificate(
		{
			id: String(row.id),
			personId: String(row.personId),
			kind,
			attemptId: String(row.id),
			passedOn,
			verificationCode: code
		},
		outside ? { ...policy, window: null } : policy
	);
	await tx.db.insert(certificate).values({
		personId: row.personId,
		examId: row.examId,
		attemptId: row.id,
		kind,
		verificationCode: code,
		validFrom: cert.validFrom,
		validUntil: cert.validUntil,
		createdAt: tx.now
	});
	return code;
}
