import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { calendarYearInput } from '$lib/schemas/calendar.ts';
import { markAttendanceInput, scheduleInput } from '$lib/schemas/study.ts';
import type { Db } from '../../db/index.ts';
import { auditEntry, studyAttendance, studySession } from '../../db/schema/index.ts';
import { InvalidInputError } from '../../errors.ts';
import { testDb } from '../../testing/db.ts';
import { saveCalendarYear } from '../calendar/save-year.ts';
import { markAttendance } from './attendance.ts';
import { cancelSession, moveSession, restoreSession } from './occurrences.ts';
import { createSchedule, getSchedule, updateSchedule } from './schedules.ts';
import { saveSessionMinutes } from './session-record.ts';
import { setPolicy, studyDistrict } from './testing.ts';

const fridays = (over: Record<string, unknown> = {}) =>
	scheduleInput.parse({
		teamId: 1,
		title: '区长办公会会前学法',
		form: 'collective',
		weekday: '5',
		startDate: '2026-01-01',
		endDate: '2026-03-31',
		startTime: '09:00',
		durationMinutes: '30',
		location: '第一会议室',
		...over
	});

async function sessionsOf(db: Db, scheduleId: number) {
	return db
		.select()
		.from(studySession)
		.where(eq(studySession.scheduleId, scheduleId))
		.orderBy(studySession.date);
}

describe('weekly schedules', () => {
	it('generate sessions on working days: holidays skipped, no session on a make-up day', async () => {
		const db = await testDb();
		const { ctx, teamId } = await studyDistrict(db);
		const id = await createSchedule(ctx.organiser, { ...fridays(), teamId });
		const dates = (await sessionsOf(db, id)).map((s) => s.date);
		// Friday 01-02 is New Year (01-01 – 01-03); 02-20 is in the Spring Festival (02-15 – 02-23)
		expect(dates).not.toContain('2026-01-02');
		expect(dates).not.toContain('2026-02-20');
		// the Saturday 02-14 make-up day does not add a second session to the week of 02-13
		expect(dates).toContain('2026-02-13');
		expect(dates).not.toContain('2026-02-14');
		expect(dates).toHaveLength(13 - 2);
		const { skipped } = await getSchedule(ctx.organiser, id);
		expect(skipped.map((s) => s.slot)).toEqual(['2026-01-02', '2026-02-20']);
	});

	it('hold sessions on make-up days only when the organiser chooses it, paired as the district sets', async () => {
		const db = await testDb();
		const { ctx, teamId } = await studyDistrict(db);
		// chosen, but with the default pairing (none) no make-up day works as a Friday
		const chosen = await createSchedule(ctx.organiser, {
			...fridays({ followMakeUpDays: 'on' }),
			teamId
		});
		expect((await sessionsOf(db, chosen)).map((s) => s.date)).not.toContain('2026-02-14');
		// the district pairs make-up days with the last weekdays off: 01-04 pays back Friday 01-02,
		// 02-14 pays back Friday 02-20
		await setPolicy(db, 'calendar.makeUpPairing', 'last_weekdays_off');
		const paired = await createSchedule(ctx.organiser, {
			...fridays({ followMakeUpDays: 'on' }),
			teamId
		});
		const sessions = await sessionsOf(db, paired);
		expect(sessions.find((s) => s.slot === '2026-01-02')?.date).toBe('2026-01-04');
		expect(sessions.find((s) => s.slot === '2026-02-20')?.date).toBe('2026-02-14');
		// and a schedule that does not follow them still has none
		const plain = await createSchedule(ctx.organiser, { ...fridays(), teamId });
		expect((await sessionsOf(db, plain)).map((s) => s.date)).not.toContain('2026-02-14');
	});

	it('keep moved and cancelled occurrences when the rule changes, and can restore them', async () => {
		const db = await testDb();
		const { ctx, teamId } = await studyDistrict(db);
		const id = await createSchedule(ctx.organiser, { ...fridays(), teamId });
		const bySlot = async (slot: string) => (await sessionsOf(db, id)).find((s) => s.slot === slot)!;
		const march6 = await bySlot('2026-03-06');
		const march13 = await bySlot('2026-03-13');
		await moveSession(ctx.organiser, {
			sessionId: march6.id,
			date: '2026-03-05',
			startTime: '14:00',
			durationMinutes: 45,
			note: '区长出差'
		});
		await cancelSession(ctx.organiser, { sessionId: march13.id, note: '全区大会' });
		const sync = await updateSchedule(ctx.organiser, {
			...fridays({ startTime: '08:30' }),
			scheduleId: id
		});
		expect(sync.changed).toBeGreaterThan(0);
		const moved = await bySlot('2026-03-06');
		expect(moved).toMatchObject({ date: '2026-03-05', startTime: '14:00', override: 'move' });
		expect(moved.sequence).toBeGreaterThan(march6.sequence);
		expect((await bySlot('2026-03-13')).status).toBe('cancelled');
		expect((await bySlot('2026-03-20')).startTime).toBe('08:30');
		// restoring brings back the rule's date and (new) time
		await restoreSession(ctx.organiser, { sessionId: march6.id });
		expect(await bySlot('2026-03-06')).toMatchObject({
			date: '2026-03-06',
			startTime: '08:30',
			override: null,
			status: 'planned'
		});
		const actions = (await db.select().from(auditEntry)).map((a) => a.action);
		expect(actions).toEqual(
			expect.arrayContaining([
				'study_schedule.created',
				'study_session.moved',
				'study_session.cancelled',
				'study_schedule.updated',
				'study_session.restored'
			])
		);
	});

	it('drop leave asked for in advance with a session the rule no longer has, and keep it with a kept one', async () => {
		const db = await testDb();
		const { ctx, teamId, leaders } = await studyDistrict(db);
		const id = await createSchedule(ctx.organiser, { ...fridays(), teamId });
		const bySlot = async (slot: string) => (await sessionsOf(db, id)).find((s) => s.slot === slot);
		const march20 = (await bySlot('2026-03-20'))!;
		const march27 = (await bySlot('2026-03-27'))!;
		const personId = leaders[0]!.user.personId!;
		// on Monday 2 March, a leader's leave from two later sessions
		for (const s of [march20, march27])
			await markAttendance(
				ctx.organiser,
				markAttendanceInput.parse({
					sessionId: String(s.id),
					[`status.${personId}`]: 'leave',
					[`reason.${personId}`]: '出差'
				})
			);
		// the 27th also has its minutes drafted: something of its own to keep
		await saveSessionMinutes(ctx.organiser, { sessionId: march27.id, minutes: '议程草稿' });
		// the schedule now ends on the 13th
		const sync = await updateSchedule(ctx.organiser, {
			...fridays({ endDate: '2026-03-13' }),
			scheduleId: id
		});
		expect(sync).toMatchObject({ removed: 1, changed: 1 });
		expect(await bySlot('2026-03-20')).toBeUndefined();
		expect(await bySlot('2026-03-27')).toMatchObject({ status: 'cancelled' });
		// the 20th's leave went with it; the 27th's stays with its session: no orphan rows
		const marks = await db.select().from(studyAttendance);
		expect(marks).toMatchObject([{ sessionId: march27.id, personId, status: 'leave' }]);
	});

	it('name the sessions a new year’s schedule doubles, when last year’s still runs into January', async () => {
		const db = await testDb();
		const { ctx, teamId } = await studyDistrict(db);
		// last year's Fridays ran on to the end of January; this year's start on 1 January
		const last = await createSchedule(ctx.organiser, {
			...fridays({ startDate: '2025-10-01', endDate: '2026-01-31' }),
			teamId
		});
		const next = await createSchedule(ctx.organiser, {
			...fridays({ startTime: '09:15', title: '2026年会前学法' }),
			teamId
		});
		const { clashes } = await getSchedule(ctx.organiser, next);
		// 01-02 is New Year's holiday: four Fridays at overlapping times (09:00–09:30, 09:15–09:45)
		expect(clashes.map((c) => c.date)).toEqual([
			'2026-01-09',
			'2026-01-16',
			'2026-01-23',
			'2026-01-30'
		]);
		expect(clashes[0]).toMatchObject({ scheduleTitle: '区长办公会会前学法' });
		expect((await getSchedule(ctx.organiser, last)).clashes).toHaveLength(4);
		// a cancelled duplicate no longer clashes; a session an hour later never did
		const jan9 = (await sessionsOf(db, last)).find((s) => s.date === '2026-01-09')!;
		await cancelSession(ctx.organiser, { sessionId: jan9.id, note: '与新年度安排重复' });
		const other = await createSchedule(ctx.organiser, {
			...fridays({ startTime: '10:00', title: '另一场' }),
			teamId
		});
		expect((await getSchedule(ctx.organiser, next)).clashes).toHaveLength(3);
		expect((await getSchedule(ctx.organiser, other)).clashes).toEqual([]);
	});

	it('follow a newly entered holiday year: sessions on its holidays go', async () => {
		const db = await testDb();
		const { ctx, teamId } = await studyDistrict(db);
		const id = await createSchedule(ctx.organiser, {
			...fridays({ startDate: '2026-12-01', endDate: '2027-02-28' }),
			teamId
		});
		const { warnings } = await getSchedule(ctx.organiser, id);
		expect(warnings.map((w) => w.code)).toContain('schedule.calendar.year_missing');
		expect((await sessionsOf(db, id)).map((s) => s.date)).toContain('2027-02-05');
		await saveCalendarYear(
			ctx.admin,
			calendarYearInput.parse({
				year: '2027',
				source: '国办发明电〔2026〕…',
				'holidays.0.name': '元旦',
				'holidays.0.from': '2027-01-01',
				'holidays.0.to': '2027-01-01',
				'holidays.1.name': '春节',
				'holidays.1.from': '2027-02-05',
				'holidays.1.to': '2027-02-11',
				'holidays.1.makeUpDays': '2027-02-13'
			})
		);
		const dates = (await sessionsOf(db, id)).map((s) => s.date);
		expect(dates).not.toContain('2027-01-01');
		expect(dates).not.toContain('2027-02-05');
		expect(dates).not.toContain('2027-02-13');
		expect((await getSchedule(ctx.organiser, id)).warnings).toEqual([]);
	});

	it('refuse a holiday year whose make-up day is not a weekend day, naming the field', async () => {
		const db = await testDb();
		const { ctx } = await studyDistrict(db);
		const input = calendarYearInput.parse({
			year: '2027',
			'holidays.3.name': '劳动节',
			'holidays.3.from': '2027-05-01',
			'holidays.3.to': '2027-05-05',
			'holidays.3.makeUpDays': '2027-04-28'
		});
		const e = await saveCalendarYear(ctx.admin, input).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(InvalidInputError);
		expect(Object.keys((e as InvalidInputError).fields)).toEqual(['holidays.3.makeUpDays']);
		// Sunday 2027-04-25 typed as 2026-04-25, a Saturday: it would turn a day of 2026 into a working day
		const typo = await saveCalendarYear(ctx.admin, {
			...input,
			holidays: { '3': { ...input.holidays['3']!, makeUpDays: ['2026-04-25'] } }
		}).catch((x: unknown) => x);
		expect((typo as InvalidInputError).fields).toEqual({
			'holidays.3.makeUpDays': [expect.stringContaining('2026-04-25')]
		});
		// an existing year is refused unless replaced
		const again = await saveCalendarYear(
			ctx.admin,
			calendarYearInput.parse({
				year: '2026',
				'holidays.0.name': '元旦',
				'holidays.0.from': '2026-01-01',
				'holidays.0.to': '2026-01-01'
			})
		).catch((x: unknown) => x);
		expect((again as InvalidInputError).code).toBe('calendar_year_exists');
		// and only an administrator of the whole district enters holidays
		await expect(saveCalendarYear(ctx.organiser, input)).rejects.toThrow();
	});
});
