import { describe, expect, it } from 'vitest';
import { calendarYearInput } from '$lib/schemas/calendar.ts';
import { scheduleInput } from '$lib/schemas/study.ts';
import { testDb } from '../../testing/db.ts';
import { saveCalendarYear } from '../calendar/save-year.ts';
import { calendarView } from './calendar-view.ts';
import { studyAgenda, studyOverview } from './overview.ts';
import { createSchedule } from './schedules.ts';
import { getSession } from './sessions.ts';
import { studyDistrict } from './testing.ts';

/** December 2026: Monday sessions into 2027, whose holidays are not entered yet. */
async function december() {
	const db = await testDb();
	const s = await studyDistrict(db, new Date('2026-12-04T10:00:00+08:00'));
	await createSchedule(
		s.ctx.organiser,
		scheduleInput.parse({
			teamId: String(s.teamId),
			title: '区政府常务会议会前学法',
			form: 'lecture',
			weekday: '1',
			startDate: '2026-12-01',
			endDate: '2027-03-31',
			startTime: '08:30',
			durationMinutes: '30'
		})
	);
	return { db, ...s };
}

const flags = (sessions: { date: string; provisional: boolean }[]) =>
	sessions.map((x) => [x.date, x.provisional]);

describe('next year’s sessions before its holidays are entered', () => {
	it('are marked as provisional on a cadre’s lists, calendar and session page', async () => {
		const { ctx } = await december();
		const { mine } = await studyOverview(ctx.leader);
		expect(flags(mine).slice(0, 5)).toEqual([
			['2026-12-07', false],
			['2026-12-14', false],
			['2026-12-21', false],
			['2026-12-28', false],
			['2027-01-04', true]
		]);
		const agenda = await studyAgenda(ctx.leader);
		expect(agenda!.sessions.at(-1)).toMatchObject({ date: '2027-01-04', provisional: true });
		// reaching into January, the home card's dates say their years
		expect(agenda!.showYear).toBe(true);
		expect(
			(await studyAgenda({ ...ctx.leader, now: new Date('2026-11-02T10:00:00+08:00') }))!.showYear
		).toBe(false);
		const month = await calendarView(ctx.leader, { view: 'month', month: '2027-01' });
		expect(month.sessions.every((x) => x.provisional === x.date >= '2027-01-01')).toBe(true);
		const jan4 = month.sessions.find((x) => x.date === '2027-01-04')!;
		expect((await getSession(ctx.leader, jan4.id)).provisional).toBe(true);
	});

	it('lose the mark once the year’s holidays are entered', async () => {
		const { ctx } = await december();
		await saveCalendarYear(
			ctx.admin,
			calendarYearInput.parse({
				year: '2027',
				'holidays.0.name': '元旦',
				'holidays.0.from': '2027-01-01',
				'holidays.0.to': '2027-01-03'
			})
		);
		const { mine } = await studyOverview(ctx.leader);
		expect(mine.filter((x) => x.provisional)).toEqual([]);
	});
});
