import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { RuleError } from '@xuefa/core';
import { addSessionInput, markAttendanceInput } from '$lib/schemas/study.ts';
import { auditEntry, studyAttendance, studySession } from '../../db/schema/index.ts';
import { ForbiddenError, InvalidInputError, RateLimitedError } from '../../errors.ts';
import { testDb } from '../../testing/db.ts';
import { ctxFor } from '../../testing/factories.ts';
import { readListExport } from '../../testing/xlsx.ts';
import { addCounts, countsByUnit, emptyCounts, yearWindow } from '../oversight/counts.ts';
import { exportAttendance } from './attendance-export.ts';
import { markAttendance, markRest, withdrawLeave } from './attendance.ts';
import {
	checkIn,
	closeCheckin,
	codeAccepted,
	codeAt,
	currentCode,
	openCheckin,
	stepOf
} from './checkin.ts';
import { addSession } from './occurrences.ts';
import { teamRates } from './rates.ts';
import { recordSessionTimes } from './session-record.ts';
import { getSession } from './sessions.ts';
import { at, setPolicy, studyDistrict } from './testing.ts';

/** A 09:00 session on Monday 2026-03-02 (or `date`) for the leadership team. */
async function mondaySession(date = '2026-03-02') {
	const db = await testDb();
	const s = await studyDistrict(db);
	const sessionId = await addSession(
		s.ctx.organiser,
		addSessionInput.parse({
			teamId: s.teamId,
			topic: '学习《行政复议法》',
			form: 'lecture',
			date,
			startTime: '09:00',
			durationMinutes: '30'
		})
	);
	const leaders = await Promise.all(
		s.leaders.map((l) => ctxFor(db, l.user.id, new Date('2026-03-02T08:55:00+08:00')))
	);
	return { db, ...s, sessionId, leaders };
}

describe('check-in codes', () => {
	it('change every 30 seconds and are accepted for their step and the next one only', async () => {
		const { db, ctx, sessionId, leaders } = await mondaySession();
		const organiser = at(ctx.organiser, '2026-03-02T08:55:00+08:00');
		await openCheckin(organiser, { sessionId });
		const { session } = await getSession(organiser, sessionId);
		const shown = currentCode(session, organiser.now)!;
		const later = currentCode(session, new Date(organiser.now.getTime() + 30_000))!;
		expect(shown.code).toMatch(/^\d{6}$/);
		expect(later.code).not.toBe(shown.code);
		// the code read off the screen works now and half a minute later…
		expect(codeAccepted(session, shown.code, new Date(organiser.now.getTime() + 10_000))).toBe(
			true
		);
		expect(codeAccepted(session, shown.code, new Date(organiser.now.getTime() + 35_000))).toBe(
			true
		);
		// …but not once two more steps have begun (a photo sent on afterwards)
		expect(codeAccepted(session, shown.code, new Date(organiser.now.getTime() + 65_000))).toBe(
			false
		);
		// a code of a step before check-in opened (a photo of the screen of an earlier session) never works
		const before = codeAt(session.checkinSecret!, stepOf(organiser.now) - 1);
		expect(codeAccepted(session, before, organiser.now)).toBe(false);

		// a cadre on the roster types it in time
		const ok = await checkIn(at(leaders[0]!, '2026-03-02T08:55:20+08:00'), { code: shown.code });
		expect(ok).toEqual({ sessionId, status: 'present', already: false });
		// the same photo two minutes later is refused
		await expect(
			checkIn(at(leaders[1]!, '2026-03-02T08:57:20+08:00'), { code: shown.code })
		).rejects.toBeInstanceOf(InvalidInputError);
		// reopening makes a new secret: the old code is dead even within its minute
		await openCheckin(at(ctx.organiser, '2026-03-02T08:55:25+08:00'), { sessionId });
		await expect(
			checkIn(at(leaders[1]!, '2026-03-02T08:55:26+08:00'), { code: shown.code })
		).rejects.toBeInstanceOf(InvalidInputError);
		// closed: nothing is accepted
		const reopened = (await getSession(organiser, sessionId)).session;
		const fresh = currentCode(reopened, new Date('2026-03-02T08:56:00+08:00'))!.code;
		await closeCheckin(at(ctx.organiser, '2026-03-02T08:56:00+08:00'), { sessionId });
		await expect(
			checkIn(at(leaders[1]!, '2026-03-02T08:56:05+08:00'), { code: fresh })
		).rejects.toBeInstanceOf(InvalidInputError);
		const rows = await db.select().from(studyAttendance);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ source: 'checkin', status: 'present' });
	});

	it('count as late after the policy minutes, and a second check-in changes nothing', async () => {
		const { db, ctx, sessionId, leaders } = await mondaySession();
		const organiser = at(ctx.organiser, '2026-03-02T08:50:00+08:00');
		await openCheckin(organiser, { sessionId });
		const session = (await getSession(organiser, sessionId)).session;
		const codeAtTime = (iso: string) => currentCode(session, new Date(iso))!.code;
		const t1 = '2026-03-02T09:04:59+08:00';
		const t2 = '2026-03-02T09:05:01+08:00';
		expect(await checkIn(at(leaders[0]!, t1), { code: codeAtTime(t1) })).toMatchObject({
			status: 'present'
		});
		expect(await checkIn(at(leaders[1]!, t2), { code: codeAtTime(t2) })).toMatchObject({
			status: 'late'
		});
		expect(await checkIn(at(leaders[1]!, t2), { sessionId, code: codeAtTime(t2) })).toMatchObject({
			status: 'late',
			already: true
		});
		// a district that allows ten minutes
		await setPolicy(db, 'study.lateAfterMinutes', 10);
		const t3 = '2026-03-02T09:09:00+08:00';
		expect(await checkIn(at(leaders[2]!, t3), { code: codeAtTime(t3) })).toMatchObject({
			status: 'present'
		});
	});

	it('refuse people not on the roster and slow down guessing', async () => {
		const { db, ctx, sessionId, outsider, leaders } = await mondaySession();
		const organiser = at(ctx.organiser, '2026-03-02T08:55:00+08:00');
		await openCheckin(organiser, { sessionId });
		const session = (await getSession(organiser, sessionId)).session;
		const code = currentCode(session, organiser.now)!.code;
		const stranger = await ctxFor(db, outsider.user.id, organiser.now);
		// one message, without the field's "wrong code": no code works with no session open
		const none = await checkIn(stranger, { code, sessionId }).catch((e: unknown) => e);
		expect(none).toMatchObject({ code: 'study_checkin_none_open' });
		expect((none as InvalidInputError).fields).toEqual({});
		const guesser = leaders[0]!;
		const wrong = code === '000000' ? '111111' : '000000';
		for (let i = 0; i < 6; i++)
			await expect(checkIn(guesser, { code: wrong })).rejects.toBeInstanceOf(InvalidInputError);
		// locked now, even with the right code
		await expect(checkIn(guesser, { code })).rejects.toBeInstanceOf(RateLimitedError);
	});
});

describe('attendance', () => {
	it('is marked in bulk with reasons, the rest at once, audited, and gives the rate', async () => {
		const { db, ctx, sessionId, leaders } = await mondaySession();
		const [p1, p2, p3] = leaders.map((l) => l.user.personId!);
		await markAttendance(
			ctx.organiser,
			markAttendanceInput.parse({
				sessionId: String(sessionId),
				[`status.${p1}`]: 'present',
				[`status.${p2}`]: 'leave',
				[`reason.${p2}`]: '外出开会',
				[`status.${p3}`]: ''
			})
		);
		const before = await getSession(ctx.organiser, sessionId);
		expect(before.session.status).toBe('held');
		expect(before.roster.find((r) => r.personId === p2)).toMatchObject({
			status: 'leave',
			reason: '外出开会'
		});
		expect(before.roster.find((r) => r.personId === p3)?.status).toBeNull();
		expect(await markRest(ctx.organiser, { sessionId, status: 'absent' })).toBe(1);
		// the roster as a workbook: status in words and the reason
		const sheet = await readListExport(await exportAttendance(ctx.organiser, sessionId));
		expect(sheet.header).toEqual(['单位', '姓名', '工号', '出勤', '原因', '签到时间']);
		expect(sheet.rows).toHaveLength(3);
		const onLeave = before.roster.find((r) => r.personId === p2)!;
		expect(sheet.rows.find((r) => r[1] === onLeave.name)!.slice(3, 5)).toEqual([
			'请假',
			'外出开会'
		]);
		const { rate } = await getSession(ctx.organiser, sessionId);
		// present 1, leave 1 (stays in 应到), absent 1
		expect(rate).toMatchObject({ expected: 3, attended: 1 });
		expect(rate!.rate).toBeCloseTo(1 / 3);
		const audit = await db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.action, 'study_attendance.marked'));
		expect(audit).toHaveLength(2);
		expect(audit[0]!.after).toEqual(
			expect.arrayContaining([{ personId: p2, status: 'leave', reason: '外出开会' }])
		);
		// someone not on the roster cannot be marked
		await expect(
			markAttendance(
				ctx.organiser,
				markAttendanceInput.parse({ sessionId: String(sessionId), 'status.99999': 'present' })
			)
		).rejects.toBeInstanceOf(InvalidInputError);
	});

	it('is seen in full by readers, by a member only for themselves, by nobody else', async () => {
		const { ctx, sessionId, leaders, outsider, db } = await mondaySession();
		await markRest(ctx.organiser, { sessionId, status: 'present' });
		const member = await getSession(leaders[0]!, sessionId);
		expect(member.roster).toEqual([]);
		expect(member.mine?.status).toBe('present');
		expect(member.manage).toBe(false);
		await expect(exportAttendance(leaders[0]!, sessionId)).rejects.toBeInstanceOf(ForbiddenError);
		const hr = await getSession(ctx.hr, sessionId);
		expect(hr.roster).toHaveLength(3);
		expect(hr.manage).toBe(false);
		await expect(markRest(ctx.hr, { sessionId, status: 'absent' })).rejects.toThrow();
		await expect(getSession(await ctxFor(db, outsider.user.id), sessionId)).rejects.toThrow();
		// an organiser of a street does not reach the district's sessions
		await expect(getSession(ctx.street, sessionId)).rejects.toThrow();
	});

	it('is refused, with check-in and actual times, for a session of a later day', async () => {
		// the organiser on Monday 2 March, the session next Monday
		const { db, ctx, sessionId, leaders } = await mondaySession('2026-03-09');
		const p1 = leaders[0]!.user.personId!;
		const attempts = [
			markAttendance(
				ctx.organiser,
				markAttendanceInput.parse({ sessionId: String(sessionId), [`status.${p1}`]: 'present' })
			),
			markRest(ctx.organiser, { sessionId, status: 'absent' }),
			openCheckin(ctx.organiser, { sessionId }),
			recordSessionTimes(ctx.organiser, { sessionId, actualStart: '09:00', actualEnd: '09:40' })
		];
		for (const attempt of attempts) {
			const e = await attempt.catch((x: unknown) => x);
			expect(e).toBeInstanceOf(RuleError);
			expect(e).toMatchObject({ code: 'session.not_yet_held', data: { date: '2026-03-09' } });
		}
		expect(await db.select().from(studyAttendance)).toEqual([]);
		const [row] = await db.select().from(studySession).where(eq(studySession.id, sessionId));
		expect(row).toMatchObject({ status: 'planned', checkinOpenedAt: null, actualStartAt: null });
		// on the day itself, before the start, the organiser may begin
		await markRest(at(ctx.organiser, '2026-03-09T08:00:00+08:00'), {
			sessionId,
			status: 'present'
		});
		expect(await db.select().from(studyAttendance)).toHaveLength(3);
	});

	it('refuses a leave without its reason, on the row or for the rest', async () => {
		const { db, ctx, sessionId, leaders } = await mondaySession();
		const [p1, p2] = leaders.map((l) => l.user.personId!);
		const e = await markAttendance(
			ctx.organiser,
			markAttendanceInput.parse({
				sessionId: String(sessionId),
				[`status.${p1}`]: 'present',
				[`status.${p2}`]: 'leave',
				[`reason.${p2}`]: ' '
			})
		).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(InvalidInputError);
		expect(e).toMatchObject({
			code: 'study_attendance_reason_missing',
			fields: { [`reason.${p2}`]: ['请假须填写理由'] }
		});
		const rest = await markRest(ctx.organiser, { sessionId, status: 'leave' }).catch(
			(x: unknown) => x
		);
		expect(rest).toMatchObject({
			code: 'study_attendance_reason_missing',
			fields: { status: ['请假须填写理由', '请假须填写理由', '请假须填写理由'] }
		});
		// nothing written, the session still planned; an absence needs no reason
		expect(await db.select().from(studyAttendance)).toEqual([]);
		expect(await markRest(ctx.organiser, { sessionId, status: 'absent' })).toBe(3);
	});
});

describe('leave asked for in advance', () => {
	it('is recorded before the session’s day without holding it, and counts once the session is held', async () => {
		// on Monday 2 March a leader asks for leave from next Monday's session
		const { db, d, ctx, teamId, sessionId, leaders } = await mondaySession('2026-03-09');
		const [p1, p2] = leaders.map((l) => l.user.personId!);
		const [before] = await db.select().from(studySession).where(eq(studySession.id, sessionId));
		const leave = markAttendanceInput.parse({
			sessionId: String(sessionId),
			[`status.${p1}`]: 'leave',
			[`reason.${p1}`]: '赴省里开会'
		});
		expect(await markAttendance(ctx.organiser, leave)).toBe(1);
		// still without its reason, and still nothing else before the day
		await expect(
			markAttendance(
				ctx.organiser,
				markAttendanceInput.parse({ sessionId: String(sessionId), [`status.${p2}`]: 'leave' })
			)
		).rejects.toMatchObject({ code: 'study_attendance_reason_missing' });
		await expect(
			markAttendance(
				ctx.organiser,
				markAttendanceInput.parse({ sessionId: String(sessionId), [`status.${p2}`]: 'absent' })
			)
		).rejects.toMatchObject({ code: 'session.not_yet_held' });
		const [row] = await db.select().from(studySession).where(eq(studySession.id, sessionId));
		expect(row).toMatchObject({ status: 'planned', sequence: before!.sequence });
		expect(await db.select().from(studyAttendance)).toMatchObject([
			{ personId: p1, status: 'leave', reason: '赴省里开会' }
		]);
		// no figure counts a session that has not been held, nor its leave
		const figures = async (iso: string) => {
			// the leaders work in three units: the district's figures are their sum
			const { units } = await countsByUnit(db, d.root.path, yearWindow(2026, new Date(iso)));
			const c = [...units.values()].reduce(addCounts, emptyCounts());
			const team = await teamRates(db, teamId, 2026);
			const page = await getSession(at(ctx.organiser, iso), sessionId);
			return {
				sessions: c.sessions.held,
				attendance: c.attendance,
				team: { held: team.held, expected: team.overall.expected },
				rate: page.rate?.expected ?? null
			};
		};
		expect(await figures('2026-03-20T12:00:00+08:00')).toEqual({
			sessions: 0,
			attendance: { expected: 0, attended: 0 },
			team: { held: 0, expected: 0 },
			rate: null
		});
		// on the day the others are marked: the session is held and the leave stays in 应到
		const monday = at(ctx.organiser, '2026-03-09T10:00:00+08:00');
		expect(await markRest(monday, { sessionId, status: 'present' })).toBe(2);
		expect(await figures('2026-03-20T12:00:00+08:00')).toEqual({
			sessions: 1,
			attendance: { expected: 3, attended: 2 },
			team: { held: 1, expected: 3 },
			rate: 3
		});
		expect(await db.select().from(studyAttendance)).toContainEqual(
			expect.objectContaining({ personId: p1, status: 'leave', reason: '赴省里开会' })
		);
	});

	it('is withdrawn before the session’s day, back to unmarked, audited; from the day on it is changed instead', async () => {
		const { db, ctx, sessionId, leaders } = await mondaySession('2026-03-09');
		const [p1, p2] = leaders.map((l) => l.user.personId!) as [number, number];
		await markAttendance(
			ctx.organiser,
			markAttendanceInput.parse({
				sessionId: String(sessionId),
				[`status.${p1}`]: 'leave',
				[`reason.${p1}`]: '赴省里开会',
				[`status.${p2}`]: 'leave',
				[`reason.${p2}`]: '休假'
			})
		);
		await withdrawLeave(ctx.organiser, { sessionId, personId: p1 });
		expect(await db.select().from(studyAttendance)).toMatchObject([
			{ personId: p2, status: 'leave' }
		]);
		const roster = (await getSession(ctx.organiser, sessionId)).roster;
		expect(roster.find((r) => r.personId === p1)).toMatchObject({ status: null });
		const audit = await db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.action, 'study_attendance.marked'));
		expect(audit.at(-1)).toMatchObject({
			entityId: String(sessionId),
			before: [{ personId: p1, status: 'leave', reason: '赴省里开会' }],
			after: [{ personId: p1, status: null, reason: null }]
		});
		// pressed twice: nothing more to withdraw, nothing more audited
		await withdrawLeave(ctx.organiser, { sessionId, personId: p1 });
		expect(
			await db.select().from(auditEntry).where(eq(auditEntry.action, 'study_attendance.marked'))
		).toHaveLength(audit.length);
		// on the day the leave stays until the roster says what happened
		await expect(
			withdrawLeave(at(ctx.organiser, '2026-03-09T08:00:00+08:00'), { sessionId, personId: p2 })
		).rejects.toMatchObject({ code: 'study_leave_withdraw_on_day' });
		// only an organiser of the team's unit withdraws it
		await expect(withdrawLeave(leaders[1]!, { sessionId, personId: p2 })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		expect(await db.select().from(studyAttendance)).toMatchObject([
			{ personId: p2, status: 'leave' }
		]);
	});
});
