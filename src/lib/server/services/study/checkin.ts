/**
 * Self check-in with a code that changes every 30 seconds. The room screen shows the current code
 * (and a QR code carrying it); a cadre on the roster types or scans it while logged in.
 *
 * Codes are HOTP values (RFC 4226, six digits) of a per-session secret and the 30-second step
 * number, as TOTP derives them, so any app process computes the same code from the database alone.
 * A code is accepted during its own step and the next one (at most a minute), never from a step
 * before the check-in opened (reopening makes a new secret): a photo of the screen taken earlier
 * is useless. Wrong codes are throttled per user, so six digits cannot be guessed from outside.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gte, isNotNull, isNull, lte, ne } from 'drizzle-orm';
import { generateHOTP } from '@oslojs/otp';
import { addDays, assertSessionTookPlace, shanghaiDate, shanghaiInstant } from '@xuefa/core';
import type { CheckInInput, CheckinControlInput } from '$lib/schemas/study.ts';
import { checkinKey, lockedFor, recordFailure } from '../../auth/rate-limit.ts';
import { type Ctx, transact } from '../../context.ts';
import { studyAttendance, studySession, studyTeamMember } from '../../db/schema/index.ts';
import { InvalidInputError, RateLimitedError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { type SessionRow, loadSession } from './access.ts';
import { studyPolicy } from './policy.ts';

/** How long one code is shown. */
export const CHECKIN_STEP_SECONDS = 30;
const STEP_MS = CHECKIN_STEP_SECONDS * 1000;

/** The step number of an instant. */
export const stepOf = (at: Date) => Math.floor(at.getTime() / STEP_MS);

/** The six-digit code of a session secret (hex) at a step. */
export function codeAt(secretHex: string, step: number): string {
	return generateHOTP(Buffer.from(secretHex, 'hex'), BigInt(step), 6);
}

type CheckinState = Pick<SessionRow, 'checkinSecret' | 'checkinOpenedAt' | 'checkinClosedAt'>;

/** The code to show now and when it changes, or null when check-in is not open. */
export function currentCode(s: CheckinState, now: Date) {
	if (!s.checkinSecret || !s.checkinOpenedAt || s.checkinClosedAt) return null;
	const step = stepOf(now);
	return { code: codeAt(s.checkinSecret, step), changesAt: new Date((step + 1) * STEP_MS) };
}

/** Whether `code` is the code of the current step or the one before, and not from before opening. */
export function codeAccepted(s: CheckinState, code: string, now: Date): boolean {
	if (!s.checkinSecret || !s.checkinOpenedAt || s.checkinClosedAt) return false;
	const opened = stepOf(s.checkinOpenedAt);
	const current = stepOf(now);
	let ok = false;
	for (const step of [current, current - 1]) {
		if (step < opened) continue;
		const expected = Buffer.from(codeAt(s.checkinSecret, step));
		const given = Buffer.from(code.padEnd(expected.length).slice(0, expected.length));
		// constant-time, and both steps always compared
		ok = timingSafeEqual(expected, given) || ok;
	}
	return ok;
}

/**
 * Opens (or reopens, with a fresh secret) a session's check-in; the session is then held, so not
 * before its day.
 */
export async function openCheckin(ctx: Ctx, input: CheckinControlInput): Promise<void> {
	const s = await loadSession(ctx, input.sessionId, 'study.manage');
	if (s.status === 'cancelled') throw new InvalidInputError({}, 'study_session_cancelled');
	assertSessionTookPlace(s, ctx.now);
	await transact(ctx, async (tx) => {
		await tx.db
			.update(studySession)
			.set({
				checkinSecret: randomBytes(20).toString('hex'),
				checkinOpenedAt: tx.now,
				checkinClosedAt: null,
				status: 'held',
				sequence: s.status === 'held' ? s.sequence : s.sequence + 1,
				updatedAt: tx.now
			})
			.where(eq(studySession.id, s.id));
		await appendAudit(tx, {
			action: 'study_checkin.opened',
			entityType: 'study_session',
			entityId: s.id,
			unitId: s.unitId
		});
	});
}

export async function closeCheckin(ctx: Ctx, input: CheckinControlInput): Promise<void> {
	const s = await loadSession(ctx, input.sessionId, 'study.manage');
	if (!s.checkinOpenedAt || s.checkinClosedAt) return;
	await transact(ctx, async (tx) => {
		await tx.db
			.update(studySession)
			.set({ checkinClosedAt: tx.now, updatedAt: tx.now })
			.where(eq(studySession.id, s.id));
		await appendAudit(tx, {
			action: 'study_checkin.closed',
			entityType: 'study_session',
			entityId: s.id,
			unitId: s.unitId
		});
	});
}

/** Sessions of the person's teams whose check-in is open, of today or yesterday (past midnight). */
async function openSessionsOf(ctx: Ctx, personId: number, sessionId?: number) {
	const today = shanghaiDate(ctx.now);
	return ctx.db
		.select({ session: studySession })
		.from(studySession)
		.innerJoin(
			studyTeamMember,
			and(eq(studyTeamMember.teamId, studySession.teamId), eq(studyTeamMember.personId, personId))
		)
		.where(
			and(
				sessionId === undefined ? undefined : eq(studySession.id, sessionId),
				isNotNull(studySession.checkinOpenedAt),
				isNull(studySession.checkinClosedAt),
				ne(studySession.status, 'cancelled'),
				gte(studySession.date, addDays(today, -1)),
				// a later day's session has not taken place: its check-in cannot be open
				lte(studySession.date, today)
			)
		);
}

export type CheckInResult = { sessionId: number; status: 'present' | 'late'; already: boolean };

/**
 * Checks the signed-in cadre in with a code: to the session named (from the QR code's link) or to
 * whichever open session of theirs the code belongs to. Present, or late when more than the policy's
 * minutes after the start. Checking in again changes nothing.
 */
export async function checkIn(ctx: Ctx, input: CheckInInput): Promise<CheckInResult> {
	const personId = ctx.user.personId;
	if (personId === null) throw new InvalidInputError({}, 'study_checkin_not_on_roster');
	const key = checkinKey(ctx.user.id);
	const wait = await lockedFor(ctx.db, [key], ctx.now);
	if (wait > 0)
		throw new RateLimitedError('study_checkin_locked', { minutes: Math.ceil(wait / 60_000) });
	const open = await openSessionsOf(ctx, personId, input.sessionId);
	const match = open.find((o) => codeAccepted(o.session, input.code, ctx.now))?.session;
	if (!match) {
		await transact(ctx, (tx) => recordFailure(tx.db, [key], tx.now));
		// with no session open no code can work: the field is not what is wrong, so it is not marked
		if (open.length === 0) throw new InvalidInputError({}, 'study_checkin_none_open');
		// said at the field, under the general "check the marked field" above the form
		throw new InvalidInputError({ code: ['study_checkin_code_wrong'] });
	}
	const policy = await studyPolicy(ctx.db);
	const lateAfter =
		shanghaiInstant(match.date, match.startTime).getTime() + policy.lateAfterMinutes * 60_000;
	const status: 'present' | 'late' = ctx.now.getTime() > lateAfter ? 'late' : 'present';
	return transact(ctx, async (tx) => {
		const [existing] = await tx.db
			.select()
			.from(studyAttendance)
			.where(and(eq(studyAttendance.sessionId, match.id), eq(studyAttendance.personId, personId)));
		if (existing && (existing.status === 'present' || existing.status === 'late')) {
			return { sessionId: match.id, status: existing.status, already: true };
		}
		const set = {
			status,
			reason: '',
			source: 'checkin' as const,
			checkedInAt: tx.now,
			markedBy: null,
			updatedAt: tx.now
		};
		await tx.db
			.insert(studyAttendance)
			.values({ sessionId: match.id, personId, ...set })
			.onConflictDoUpdate({ target: [studyAttendance.sessionId, studyAttendance.personId], set });
		await appendAudit(tx, {
			action: 'study_attendance.checked_in',
			entityType: 'study_session',
			entityId: match.id,
			unitId: match.unitId,
			before: existing ? { personId, status: existing.status } : null,
			after: { personId, status }
		});
		return { sessionId: match.id, status, already: false };
	});
}
