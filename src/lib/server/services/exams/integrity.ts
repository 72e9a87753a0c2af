/**
 * Keeping a sitting honest: voiding an attempt for cheating, giving one candidate more time, and
 * the candidate's focus losses (tab switches, the window left) with the exam's optional limit.
 * Each action is audited with its reason and written in one transaction.
 */
import { and, eq, sql } from 'drizzle-orm';
import { shanghaiDate } from '@xuefa/core';
import type {
	AttemptStatus,
	ExtendAttemptInput,
	FocusEventInput,
	ReleaseDeviceInput,
	VoidAttemptInput
} from '$lib/schemas/exam-monitor.ts';
import { type Ctx, transact } from '../../context.ts';
import {
	certificate,
	exam,
	examAttempt,
	examFocusEvent,
	examPaper,
	passRecord,
	sitting
} from '../../db/schema/index.ts';
import { attemptWithPaper, paperOfAttempt } from './attempt-paper.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { ownAttempt } from './attempts.ts';
import { recheckPartCertificates } from './certificate-parts.ts';
import { finishAttempt, settleCertificates } from './finish.ts';
import { loadWatchedSitting } from './monitor.ts';

/**
 * The attempt, if it belongs to a sitting the user watches (else not found) and is not their own:
 * an organiser or proctor who sits the exam too leaves their own attempt to a colleague.
 */
async function watchedAttempt(ctx: Ctx, sittingId: number, attemptId: number) {
	const { exam: e } = await loadWatchedSitting(ctx, sittingId);
	const [row] = await ctx.db
		.select(attemptWithPaper)
		.from(examAttempt)
		.innerJoin(examPaper, paperOfAttempt)
		.where(and(eq(examAttempt.id, attemptId), eq(examAttempt.sittingId, sittingId)));
	if (!row) throw new NotFoundError();
	if (row.personId === ctx.user.personId) throw new ForbiddenError('err_monitor_own_attempt');
	return { row, exam: e };
}

/**
 * Voids an attempt for cheating: it no longer counts (nor as a pass), its pass record is
 * withdrawn (one voided in progress gets a voided record, without a score) and a certificate
 * granted for it is revoked; a pass of the sitting it outranked counts again, with its
 * certificate. An attempt in progress ends at once.
 */
export async function voidExamAttempt(ctx: Ctx, input: VoidAttemptInput) {
	const { row, exam: e } = await watchedAttempt(ctx, input.sittingId, input.attemptId);
	if (row.state === 'voided') throw new ConflictError('err_attempt_already_voided');
	await transact(ctx, async (tx) => {
		const changed = await tx.db
			.update(examAttempt)
			.set({
				state: 'voided',
				voidedAt: ctx.now,
				voidReason: input.reason,
				submittedAt: row.submittedAt ?? ctx.now
			})
			.where(and(eq(examAttempt.id, row.id), sql`${examAttempt.state} <> 'voided'`))
			.returning({ id: examAttempt.id });
		if (changed.length === 0) throw new ConflictError('err_attempt_already_voided');
		const [record] = await tx.db
			.update(passRecord)
			.set({ status: 'voided', passed: false, updatedAt: ctx.now })
			.where(eq(passRecord.attemptId, row.id))
			.returning({ passed: passRecord.passed });
		// an attempt voided before it was handed in has no record yet: it gets a voided one, with no
		// score, for the promotion gate counts it (a fail, or a bar, as its policy says) and HR sees it
		if (!record)
			await tx.db.insert(passRecord).values({
				attemptId: row.id,
				personId: row.personId,
				examId: row.examId,
				sittingId: row.sittingId,
				kind: e.kind,
				takenOn: shanghaiDate(row.startedAt),
				status: 'voided',
				score: null,
				maxScore: row.maxScore ?? row.paper.totalPoints,
				passed: false,
				updatedAt: ctx.now
			});
		const revoked = await tx.db
			.update(certificate)
			.set({ revokedOn: shanghaiDate(ctx.now), revokeReason: input.reason })
			.where(and(eq(certificate.attemptId, row.id), sql`${certificate.revokedOn} IS NULL`))
			.returning({ code: certificate.verificationCode });
		// a certificate this attempt was one part of falls with it
		if (e.kind === 'enforcement')
			await recheckPartCertificates(tx, row.personId, { attemptId: row.id, reason: input.reason });
		// the pass the sitting counts now (the one this attempt outranked) has its certificate again
		await settleCertificates(tx, row, e);
		await appendAudit(tx, {
			action: 'exam.attempt.voided',
			entityType: 'exam_attempt',
			entityId: row.id,
			unitId: e.unitId,
			before: { state: row.state, score: row.score },
			after: {
				personId: row.personId,
				state: 'voided',
				reason: input.reason,
				passRecordWithdrawn: record !== undefined,
				...(revoked[0] ? { certificateRevoked: revoked[0].code } : {})
			}
		});
	});
	return { kind: 'voided' as const, attemptId: row.id };
}

/** Moves one candidate's deadline later; their timer follows it (the exam page asks the server). */
export async function extendExamAttempt(ctx: Ctx, input: ExtendAttemptInput) {
	const { row, exam: e } = await watchedAttempt(ctx, input.sittingId, input.attemptId);
	const deadline = new Date(row.deadline.getTime() + input.minutes * 60_000);
	await transact(ctx, async (tx) => {
		// only an attempt still running: one past its deadline is being submitted by the sweep
		const changed = await tx.db
			.update(examAttempt)
			.set({ deadline })
			.where(
				and(
					eq(examAttempt.id, row.id),
					eq(examAttempt.state, 'in_progress'),
					eq(examAttempt.deadline, row.deadline),
					sql`${examAttempt.deadline} > ${ctx.now.getTime()}`
				)
			)
			.returning({ id: examAttempt.id });
		if (changed.length === 0) throw new ConflictError('err_attempt_not_running');
		await appendAudit(tx, {
			action: 'exam.attempt.extended',
			entityType: 'exam_attempt',
			entityId: row.id,
			unitId: e.unitId,
			before: { deadline: row.deadline.toISOString() },
			after: {
				personId: row.personId,
				deadline: deadline.toISOString(),
				minutes: input.minutes,
				reason: input.reason
			}
		});
	});
	return { kind: 'extended' as const, attemptId: row.id, deadline: deadline.getTime() };
}

/**
 * Frees a running attempt of a one-device sitting from the device that started it (a broken or
 * flat phone): the next device that opens it, through the sitting's start button, becomes its
 * device, and the old one can no longer save. Audited with the reason.
 */
export async function releaseExamDevice(ctx: Ctx, input: ReleaseDeviceInput) {
	const { row, exam: e } = await watchedAttempt(ctx, input.sittingId, input.attemptId);
	const [s] = await ctx.db
		.select({ oneDevice: sitting.oneDevice })
		.from(sitting)
		.where(eq(sitting.id, row.sittingId));
	if (!s?.oneDevice) throw new ConflictError('err_attempt_device_not_bound');
	await transact(ctx, async (tx) => {
		const changed = await tx.db
			.update(examAttempt)
			.set({ deviceId: null })
			.where(
				and(
					eq(examAttempt.id, row.id),
					eq(examAttempt.state, 'in_progress'),
					sql`${examAttempt.deadline} > ${ctx.now.getTime()}`,
					sql`${examAttempt.deviceId} IS NOT NULL`
				)
			)
			.returning({ id: examAttempt.id });
		if (changed.length === 0)
			throw new ConflictError(
				row.state === 'in_progress' && row.deadline > ctx.now
					? 'err_attempt_device_not_bound'
					: 'err_attempt_release_not_running'
			);
		await appendAudit(tx, {
			action: 'exam.attempt.device_released',
			entityType: 'exam_attempt',
			entityId: row.id,
			unitId: e.unitId,
			before: { deviceBound: true },
			after: { personId: row.personId, deviceBound: false, reason: input.reason }
		});
	});
	return { kind: 'released' as const, attemptId: row.id };
}

async function focusOf(ctx: Ctx, attemptId: number) {
	const [row] = await ctx.db
		.select({
			limit: exam.focusLimit,
			n: sql<number>`(SELECT count(*) FROM ${examFocusEvent} WHERE ${examFocusEvent.attemptId} = ${attemptId})`
		})
		.from(examAttempt)
		.innerJoin(exam, eq(exam.id, examAttempt.examId))
		.where(eq(examAttempt.id, attemptId));
	return { limit: row?.limit ?? null, n: row?.n ?? 0 };
}

/** The candidate's own attempt as the exam page polls it: the (possibly extended) deadline. */
export async function attemptStatus(
	ctx: Ctx,
	attemptId: number,
	deviceId?: string
): Promise<AttemptStatus> {
	const row = await ownAttempt(ctx, attemptId, deviceId);
	const focus = await focusOf(ctx, row.id);
	if (row.state !== 'in_progress')
		return {
			kind: 'closed',
			state: row.state,
			focusLimitReached: focus.limit !== null && focus.n >= focus.limit
		};
	return {
		kind: 'open',
		deadline: row.deadline.getTime(),
		now: ctx.now.getTime(),
		focusLosses: focus.n,
		focusLimit: focus.limit
	};
}

/**
 * The focus losses an attempt records at most: ten times the highest limit an exam may set. A
 * script posting losses in a loop wrote a row (and a commit) each time, without end, and every
 * poll of the sitting's monitor ranks them all; past this many the count says all there is to say.
 */
export const FOCUS_EVENTS_KEPT = 500;

/**
 * Records that the candidate left the exam page. With a limit, the loss that reaches it submits
 * the attempt (in the same transaction); the page warns before the last one.
 */
export async function recordFocusLoss(
	ctx: Ctx,
	input: FocusEventInput & { deviceId?: string }
): Promise<AttemptStatus> {
	const row = await ownAttempt(ctx, input.attemptId, input.deviceId);
	if (row.state === 'in_progress' && (await focusOf(ctx, row.id)).n < FOCUS_EVENTS_KEPT)
		await transact(ctx, async (tx) => {
			await tx.db
				.insert(examFocusEvent)
				.values({ attemptId: row.id, kind: input.kind, at: ctx.now });
			const { limit, n } = await focusOf(tx, row.id);
			if (limit === null || n < limit) return;
			if (!(await finishAttempt(tx, row.id))) return;
			const [e] = await tx.db
				.select({ unitId: exam.unitId })
				.from(exam)
				.where(eq(exam.id, row.examId));
			await appendAudit(tx, {
				action: 'exam.attempt.focus_limit_submitted',
				entityType: 'exam_attempt',
				entityId: row.id,
				unitId: e!.unitId,
				after: { personId: row.personId, focusLosses: n, limit }
			});
		});
	return attemptStatus(ctx, row.id, input.deviceId);
}
