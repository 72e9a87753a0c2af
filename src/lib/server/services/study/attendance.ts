import { and, eq } from 'drizzle-orm';
import {
	type AttendanceStatus,
	RuleError,
	marksHoldSession,
	sessionNotYetHeld,
	validateAttendanceMarks
} from '@xuefa/core';
import type { MarkAttendanceInput, MarkRestInput, WithdrawLeaveInput } from '$lib/schemas/study.ts';
import { type Ctx, transact } from '../../context.ts';
import { issueFields } from '../../core-messages.ts';
import { studyAttendance, studySession } from '../../db/schema/index.ts';
import { InvalidInputError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { loadSession } from './access.ts';
import { sessionRoster } from './sessions.ts';

interface Mark {
	personId: number;
	status: AttendanceStatus;
	reason: string;
}

/**
 * Writes marks for a session's roster in one transaction, with one audit entry listing each
 * change (before and after): who was marked what, by whom, is what an auditor asks. Before the
 * session's day only leave may be recorded (asked for in advance); presence, lateness or absence
 * make a planned session held, and wait for the day (the core's rules). A person not on the roster
 * refuses the whole form; a leave without its reason is sent back, the reason's field marked under
 * `field` (the row's own field, or the one field of a form for the rest).
 */
async function writeMarks(
	ctx: Ctx,
	sessionId: number,
	marks: (roster: Roster) => Mark[],
	field: (m: Mark) => string
) {
	const s = await loadSession(ctx, sessionId, 'study.manage');
	if (s.status === 'cancelled') throw new InvalidInputError({}, 'study_session_cancelled');
	const roster = await sessionRoster(ctx, s);
	const wanted = marks(roster);
	const byPerson = new Map(roster.map((r) => [r.personId, r]));
	const unknown = wanted.filter((m) => !byPerson.has(m.personId));
	if (unknown.length > 0) throw new InvalidInputError({}, 'study_attendance_not_on_roster');
	const check = validateAttendanceMarks(
		s,
		wanted.map((m) => ({ ...m, personId: String(m.personId) })),
		ctx.now
	);
	const early = check.errors.find((e) => e.code === 'session.not_yet_held');
	if (early) throw new RuleError(early.code, early.data);
	if (!check.ok) {
		const markOf = (path: string) => wanted[Number(path.split('.')[1])]!;
		throw new InvalidInputError(
			issueFields(check.errors, (path) => field(markOf(path))),
			'study_attendance_reason_missing'
		);
	}
	const changed = wanted.filter((m) => {
		const r = byPerson.get(m.personId)!;
		return r.status !== m.status || (r.reason ?? '') !== m.reason;
	});
	if (changed.length === 0) return 0;
	await transact(ctx, async (tx) => {
		for (const m of changed) {
			const set = {
				status: m.status,
				reason: m.reason,
				source: 'organiser' as const,
				markedBy: tx.user.id,
				updatedAt: tx.now
			};
			await tx.db
				.insert(studyAttendance)
				.values({ sessionId: s.id, personId: m.personId, ...set })
				.onConflictDoUpdate({
					target: [studyAttendance.sessionId, studyAttendance.personId],
					set
				});
		}
		if (s.status === 'planned' && marksHoldSession(changed)) {
			await tx.db
				.update(studySession)
				.set({ status: 'held', sequence: s.sequence + 1, updatedAt: tx.now })
				.where(and(eq(studySession.id, s.id), eq(studySession.status, 'planned')));
		}
		await appendAudit(tx, {
			action: 'study_attendance.marked',
			entityType: 'study_session',
			entityId: s.id,
			unitId: s.unitId,
			before: changed.map((m) => {
				const r = byPerson.get(m.personId)!;
				return { personId: m.personId, status: r.status, reason: r.reason };
			}),
			after: changed
		});
	});
	return changed.length;
}

type Roster = Awaited<ReturnType<typeof sessionRoster>>;

/** The roster form: each row's status (blank rows are left as they are) and reason. */
export async function markAttendance(ctx: Ctx, input: MarkAttendanceInput): Promise<number> {
	return writeMarks(
		ctx,
		input.sessionId,
		() =>
			input.entries.flatMap((e) =>
				e.status ? [{ personId: e.personId, status: e.status, reason: e.reason }] : []
			),
		(m) => `reason.${m.personId}`
	);
}

/**
 * "The rest were absent": everyone on the roster not yet marked gets one status. Leave cannot be
 * given this way: each leave has its own reason, written on the person's row.
 */
export async function markRest(ctx: Ctx, input: MarkRestInput): Promise<number> {
	return writeMarks(
		ctx,
		input.sessionId,
		(roster) =>
			roster
				.filter((r) => !r.status)
				.map((r) => ({ personId: r.personId, status: input.status, reason: '' })),
		() => 'status'
	);
}

/**
 * Withdraws a leave recorded before the session's day (asked for, then not needed): the person is
 * unmarked again, in one transaction, audited as any change of marks. From the day on a leave is
 * not withdrawn but changed, on the roster, to what happened. A leave already gone changes nothing.
 */
export async function withdrawLeave(ctx: Ctx, input: WithdrawLeaveInput): Promise<void> {
	const s = await loadSession(ctx, input.sessionId, 'study.manage');
	if (s.status === 'cancelled') throw new InvalidInputError({}, 'study_session_cancelled');
	if (!sessionNotYetHeld(s, ctx.now))
		throw new InvalidInputError({}, 'study_leave_withdraw_on_day');
	await transact(ctx, async (tx) => {
		const [gone] = await tx.db
			.delete(studyAttendance)
			.where(
				and(
					eq(studyAttendance.sessionId, s.id),
					eq(studyAttendance.personId, input.personId),
					eq(studyAttendance.status, 'leave')
				)
			)
			.returning({ reason: studyAttendance.reason });
		if (!gone) return;
		await appendAudit(tx, {
			action: 'study_attendance.marked',
			entityType: 'study_session',
			entityId: s.id,
			unitId: s.unitId,
			before: [{ personId: input.personId, status: 'leave', reason: gone.reason }],
			after: [{ personId: input.personId, status: null, reason: null }]
		});
	});
}
