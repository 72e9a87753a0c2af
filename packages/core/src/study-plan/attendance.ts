/**
 * Rules for recording attendance (出勤): presence, lateness and absence only for a session that has
 * taken place; leave (请假) only with its reason, and also in advance, since it is asked for and
 * approved before the session.
 */
import type { Issue } from '../errors.ts';
import { RuleError } from '../errors.ts';
import { shanghaiDate, type IsoDate } from '../calendar/dates.ts';
import { result, type ValidationResult } from '../rule-result.ts';
import type { AttendanceStatus } from './figures.ts';

/**
 * Statuses that must carry a reason. Leave is asked for and granted for a reason (出差, 病假 …), so
 * a leave without one is not a leave; an absence may be unexplained (无故缺席), and its reason is
 * recorded when it is known.
 */
export const REASON_REQUIRED_STATUSES: readonly AttendanceStatus[] = ['leave'];

/**
 * Statuses that may be recorded before the session's day. Leave is asked for and approved
 * beforehand (a leader asks days before the weekly session); presence, lateness and absence say
 * what happened, so they wait for the day. A mark of these statuses alone never makes a session
 * held (see {@link marksHoldSession}).
 */
export const ADVANCE_STATUSES: readonly AttendanceStatus[] = ['leave'];

/**
 * Whether recording these marks shows that the session took place (it becomes held): any mark
 * other than an {@link ADVANCE_STATUSES | advance} one. Leave says who will not come, not that the
 * session met, so a session with only leave recorded stays planned and counts in no figure.
 *
 * @param marks - the marks being recorded
 * @returns true when the session is held once they are recorded
 * @example
 * marksHoldSession([{ status: 'leave' }]); // → false
 * marksHoldSession([{ status: 'leave' }, { status: 'present' }]); // → true
 */
export function marksHoldSession(marks: readonly { status: AttendanceStatus }[]): boolean {
	return marks.some((m) => !ADVANCE_STATUSES.includes(m.status));
}

/** One attendance mark as an organiser records it. */
export interface AttendanceMark {
	/** The person. */
	personId: string;
	/** The status recorded. */
	status: AttendanceStatus;
	/** Why (required for the {@link REASON_REQUIRED_STATUSES}). */
	reason?: string;
}

/**
 * Whether a session dated `date` may be recorded as taking place at `now`: not before its day
 * (Asia/Shanghai). Attendance, check-in and actual times describe what happened; a session of a
 * later day has not happened yet, and recording it would count it as held in the figures.
 *
 * @param session - the session's date
 * @param now - the current instant
 * @returns a `session.not_yet_held` issue, or null when the day has come
 */
export function sessionNotYetHeld(session: { date: IsoDate }, now: Date): Issue | null {
	const today = shanghaiDate(now);
	return session.date > today
		? { code: 'session.not_yet_held', data: { date: session.date, today } }
		: null;
}

/**
 * Throws unless the session's day has come (see {@link sessionNotYetHeld}): for opening check-in
 * and recording actual times.
 *
 * @param session - the session's date
 * @param now - the current instant
 * @returns nothing; returns normally when the session may be recorded
 * @throws RuleError `session.not_yet_held` with `{ date, today }`
 * @example
 * assertSessionTookPlace({ date: '2026-03-02' }, new Date('2026-03-01T09:00:00+08:00')); // throws
 */
export function assertSessionTookPlace(session: { date: IsoDate }, now: Date): void {
	const issue = sessionNotYetHeld(session, now);
	if (issue) throw new RuleError(issue.code, issue.data);
}

/**
 * Checks attendance marks for a session: before the session's day only
 * {@link ADVANCE_STATUSES | leave} may be recorded, so marks with any other status are refused as a
 * whole (`session.not_yet_held`, no path); and each leave without a reason is refused
 * (`attendance.reason_missing`, path `marks.<i>.reason`), whenever it is recorded.
 *
 * @param session - the session's date
 * @param marks - the marks to record
 * @param now - the current instant
 * @returns the errors (no warnings)
 * @example
 * // a leave asked for days before the session is accepted; a presence would not be
 * const v = validateAttendanceMarks({ date: '2026-03-09' },
 * 	[{ personId: 'p1', status: 'leave', reason: '出差' }], new Date('2026-03-02T09:00:00+08:00'));
 * v.ok; // → true
 */
export function validateAttendanceMarks(
	session: { date: IsoDate },
	marks: readonly AttendanceMark[],
	now: Date
): ValidationResult {
	const future = sessionNotYetHeld(session, now);
	if (future && marksHoldSession(marks)) return result([future]);
	const errors: Issue[] = [];
	marks.forEach((m, i) => {
		if (REASON_REQUIRED_STATUSES.includes(m.status) && !m.reason?.trim()) {
			errors.push({
				code: 'attendance.reason_missing',
				path: `marks.${i}.reason`,
				data: { personId: m.personId, status: m.status }
			});
		}
	});
	return result(errors);
}
