import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { scheduleInput, sessionDetailsInput } from '$lib/schemas/study.ts';
import { person, studySession } from '../../db/schema/index.ts';
import { InvalidInputError } from '../../errors.ts';
import { testDb } from '../../testing/db.ts';
import { makePerson } from '../../testing/factories.ts';
import { createSchedule } from './schedules.ts';
import { updateSessionDetails } from './session-record.ts';
import { getSession } from './sessions.ts';
import { studyDistrict } from './testing.ts';

it('a district-wide session names any of the district’s thousands as its speaker, the team first in the list', async () => {
	const db = await testDb();
	const s = await studyDistrict(db);
	// more people in the district than the form lists: a name that sorts last, in a street office
	for (let i = 0; i < 320; i++)
		await makePerson(db, s.d.b.id, { name: `甲${String(i).padStart(3, '0')}` });
	const last = await makePerson(db, s.d.b.id, { name: '龚律师' });
	const scheduleId = await createSchedule(
		s.ctx.organiser,
		scheduleInput.parse({
			teamId: String(s.teamId),
			title: '区长办公会会前学法',
			form: 'lecture',
			weekday: '5',
			startDate: '2026-12-01',
			endDate: '2026-12-31',
			startTime: '09:00',
			durationMinutes: '30'
		})
	);
	const [session] = await db
		.select()
		.from(studySession)
		.where(eq(studySession.scheduleId, scheduleId))
		.limit(1);
	const book = (personId: number) =>
		updateSessionDetails(
			s.ctx.organiser,
			sessionDetailsInput.parse({
				sessionId: String(session!.id),
				topic: '学习《行政复议法》',
				form: 'lecture',
				speakerKind: 'internal',
				speakerPersonId: String(personId)
			})
		);

	const before = (await getSession(s.ctx.organiser, session!.id)).choices!.speakers;
	// the team's members come first, whatever their names
	expect(
		before
			.slice(0, s.leaders.length)
			.map((p) => p.id)
			.sort()
	).toEqual(s.leaders.map((l) => l.person.id).sort());
	expect(before.some((p) => p.id === last.id)).toBe(false);

	await book(last.id);
	const view = await getSession(s.ctx.organiser, session!.id);
	expect(view.choices!.speakers.some((p) => p.id === last.id)).toBe(true);

	// someone who has left is not a speaker to choose
	await db
		.update(person)
		.set({ status: 'inactive' })
		.where(eq(person.id, before.at(-1)!.id));
	await expect(book(before.at(-1)!.id)).rejects.toBeInstanceOf(InvalidInputError);
});
