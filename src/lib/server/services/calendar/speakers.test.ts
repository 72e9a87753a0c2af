import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { calendarYearInput } from '$lib/schemas/calendar.ts';
import { scheduleInput, sessionDetailsInput } from '$lib/schemas/study.ts';
import { auditEntry, studySession } from '../../db/schema/index.ts';
import { ForbiddenError } from '../../errors.ts';
import { testDb } from '../../testing/db.ts';
import { updateSessionDetails } from '../study/session-record.ts';
import { createSchedule } from '../study/schedules.ts';
import { studyDistrict } from '../study/testing.ts';
import { saveCalendarYear } from './save-year.ts';
import { speakerSessions } from './speakers.ts';

const year2027 = calendarYearInput.parse({
	year: '2027',
	'holidays.0.name': '元旦',
	'holidays.0.from': '2027-01-01',
	'holidays.0.to': '2027-01-01',
	'holidays.1.name': '春节',
	'holidays.1.from': '2027-02-05',
	'holidays.1.to': '2027-02-11',
	'holidays.1.makeUpDays': '2027-02-13'
});

/** Fridays into 2027 (no holidays known yet), with speakers booked for three of them. */
async function bookedSpeakers() {
	const db = await testDb();
	const s = await studyDistrict(db);
	const scheduleId = await createSchedule(
		s.ctx.organiser,
		scheduleInput.parse({
			teamId: String(s.teamId),
			title: '区长办公会会前学法',
			form: 'lecture',
			weekday: '5',
			startDate: '2026-12-01',
			endDate: '2027-02-28',
			startTime: '09:00',
			durationMinutes: '30'
		})
	);
	const sessions = await db
		.select()
		.from(studySession)
		.where(eq(studySession.scheduleId, scheduleId));
	const on = (date: string) => sessions.find((x) => x.date === date)!.id;
	const book = (date: string, speaker: Record<string, string>) =>
		updateSessionDetails(
			s.ctx.organiser,
			sessionDetailsInput.parse({
				sessionId: String(on(date)),
				topic: '学习《行政复议法》',
				form: 'lecture',
				...speaker
			})
		);
	await book('2027-01-01', {
		speakerKind: 'internal',
		speakerPersonId: String(s.leaders[1]!.person.id)
	});
	await book('2027-02-05', {
		speakerKind: 'external',
		speakerName: '王律师',
		speakerTitle: '某某律师事务所律师'
	});
	// a working Friday: the new calendar leaves it as it is
	await book('2027-02-19', { speakerKind: 'external', speakerName: '李教授' });
	return { db, ...s, on };
}

describe('a holiday year that cancels sessions with a speaker', () => {
	it('names those sessions and their speakers to the administrator who saved it', async () => {
		const { db, ctx, leaders, on } = await bookedSpeakers();
		const saved = await saveCalendarYear(ctx.admin, year2027);
		expect(saved.speakerSessionIds).toEqual([on('2027-01-01'), on('2027-02-05')]);

		const shown = await speakerSessions(ctx.admin, saved.speakerSessionIds);
		expect(shown.map((x) => [x.date, x.status, x.speaker, x.speakerTitle])).toEqual([
			['2027-01-01', 'cancelled', leaders[1]!.person.name, ''],
			['2027-02-05', 'cancelled', '王律师', '某某律师事务所律师']
		]);
		expect(shown[0]).toMatchObject({ topic: '学习《行政复议法》', teamName: '区政府领导班子' });

		const [entry] = await db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.action, 'calendar.year_saved'));
		expect(entry!.after).toMatchObject({ speakerSessions: 2 });
	});

	it('is shown to calendar managers only, and only sessions with a speaker', async () => {
		const { ctx, on } = await bookedSpeakers();
		const { speakerSessionIds } = await saveCalendarYear(ctx.admin, year2027);
		await expect(speakerSessions(ctx.organiser, speakerSessionIds)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		// an address naming other sessions shows nothing of those without a speaker
		const shown = await speakerSessions(ctx.admin, [on('2026-12-04'), on('2027-02-19')]);
		expect(shown.map((x) => x.speaker)).toEqual(['李教授']);
	});
});
