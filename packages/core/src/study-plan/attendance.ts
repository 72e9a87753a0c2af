/**
 * Rules for recording attendance (出勤): only for a session that has taken place, and leave (请假)
 * only with its reason.
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
 * Checks attendance marks for a session: refused as a whole for a session whose day has not come
 * (`session.not_yet_held`, no path), and each leave without a reason
 * (`attendance.reason_missing`, path `marks.<i>.reason`).
 *
 * @param session - the session's date
 * @param marks - the marks to record
 * @param now - the current instant
 * @returns the errors (no warnings)
 * @example
 * const v = validateAttendanceMarks({ date: '2026-03-02' },
 * 	[{ personId: 'p1', status: 'leave', reason: '出差' }], now);
 * if (!v.ok) throw new ValidationError(v.errors);
 */
export function validateAttendanceMarks(
	session: { date: IsoDate },
	marks: readonly AttendanceMark[],
	now: Date
): ValidationResult {
	const future = sessionNotYetHeld(session, now);
	if (future) return result([future]);
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
