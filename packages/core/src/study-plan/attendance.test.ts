import { describe, expect, it } from 'vitest';
import {
	RuleError,
	assertSessionTookPlace,
	marksHoldSession,
	sessionNotYetHeld,
	validateAttendanceMarks
} from '../index.ts';

// 23:30 on 1 March in Beijing is still 1 March there, though 2 March has begun nowhere near
const lateEvening = new Date('2026-03-01T15:30:00Z');

describe('sessionNotYetHeld', () => {
	it('refuses a session of a later day in Beijing, whatever the hour', () => {
		expect(sessionNotYetHeld({ date: '2026-03-02' }, lateEvening)).toEqual({
			code: 'session.not_yet_held',
			data: { date: '2026-03-02', today: '2026-03-01' }
		});
	});

	it('lets a session of today or earlier be recorded', () => {
		expect(sessionNotYetHeld({ date: '2026-03-01' }, lateEvening)).toBeNull();
		expect(sessionNotYetHeld({ date: '2025-12-31' }, lateEvening)).toBeNull();
		// just after midnight in Beijing, the new day's session may be recorded
		expect(sessionNotYetHeld({ date: '2026-03-02' }, new Date('2026-03-01T16:00:00Z'))).toBeNull();
	});

	it('throws a RuleError with the date from assertSessionTookPlace', () => {
		expect(() => assertSessionTookPlace({ date: '2026-03-02' }, lateEvening)).toThrow(RuleError);
		expect(() => assertSessionTookPlace({ date: '2026-03-01' }, lateEvening)).not.toThrow();
	});
});

describe('validateAttendanceMarks', () => {
	it("refuses presence, lateness and absence before the session's day", () => {
		for (const status of ['present', 'late', 'absent'] as const) {
			const v = validateAttendanceMarks(
				{ date: '2026-03-02' },
				[
					{ personId: 'p1', status },
					{ personId: 'p2', status: 'leave', reason: '出差' }
				],
				lateEvening
			);
			expect(v.ok).toBe(false);
			expect(v.errors.map((e) => [e.code, e.path])).toEqual([['session.not_yet_held', undefined]]);
		}
	});

	it('accepts a leave asked for in advance, with its reason, and says it does not hold the session', () => {
		const marks = [
			{ personId: 'p1', status: 'leave', reason: '出差' },
			{ personId: 'p2', status: 'leave', reason: '' }
		] as const;
		const v = validateAttendanceMarks({ date: '2026-03-09' }, marks, lateEvening);
		// the reason is still asked for; the date is no objection
		expect(v.errors.map((e) => [e.code, e.path])).toEqual([
			['attendance.reason_missing', 'marks.1.reason']
		]);
		expect(validateAttendanceMarks({ date: '2026-03-09' }, [marks[0]], lateEvening).ok).toBe(true);
		expect(marksHoldSession(marks)).toBe(false);
		expect(marksHoldSession([...marks, { status: 'absent' as const }])).toBe(true);
		expect(marksHoldSession([])).toBe(false);
	});

	it('asks a reason for each leave, not for an absence', () => {
		const v = validateAttendanceMarks(
			{ date: '2026-03-01' },
			[
				{ personId: 'p1', status: 'leave', reason: '病假' },
				{ personId: 'p2', status: 'leave', reason: '  ' },
				{ personId: 'p3', status: 'absent' },
				{ personId: 'p4', status: 'leave' }
			],
			lateEvening
		);
		expect(v.errors).toEqual([
			{
				code: 'attendance.reason_missing',
				path: 'marks.1.reason',
				data: { personId: 'p2', status: 'leave' }
			},
			{
				code: 'attendance.reason_missing',
				path: 'marks.3.reason',
				data: { personId: 'p4', status: 'leave' }
			}
		]);
	});

	it('accepts present, late and reasoned leave on the day', () => {
		expect(
			validateAttendanceMarks(
				{ date: '2026-03-01' },
				[
					{ personId: 'p1', status: 'present' },
					{ personId: 'p2', status: 'late' },
					{ personId: 'p3', status: 'leave', reason: '出差' }
				],
				lateEvening
			).ok
		).toBe(true);
	});
});
