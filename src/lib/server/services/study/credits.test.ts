import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addSessionInput, createReadingInput, markAttendanceInput } from '$lib/schemas/study.ts';
import { studySession } from '../../db/schema/index.ts';
import { ForbiddenError } from '../../errors.ts';
import { testDb } from '../../testing/db.ts';
import { makeBank, makePracticeAnswers, makeQuestion } from '../../testing/factories.ts';
import { markAttendance } from './attendance.ts';
import { myCredits, unitCredits } from './credits.ts';
import { addSession } from './occurrences.ts';
import { createReading, signReading } from './readings.ts';
import { recordSessionTimes } from './session-record.ts';
import { at, setPolicy, studyDistrict } from './testing.ts';

async function setup() {
	const db = await testDb();
	const s = await studyDistrict(db);
	const leader = s.ctx.leader;
	const personId = leader.user.personId!;
	const session = async (date: string, form: string, status: string, minutes = '30') => {
		const sessionId = await addSession(
			s.ctx.organiser,
			addSessionInput.parse({
				teamId: String(s.teamId),
				topic: '会前学法',
				form,
				date,
				startTime: '09:00',
				durationMinutes: minutes
			})
		);
		// marked once the session is over (never before its day)
		return markAttendance(
			at(s.ctx.organiser, `${date}T10:00:00+08:00`),
			markAttendanceInput.parse({ sessionId: String(sessionId), [`status.${personId}`]: status })
		);
	};
	const bank = await makeBank(db, s.d.root.id);
	const questionId = await makeQuestion(db, bank.id);
	const answers = (iso: string, n: number) => makePracticeAnswers(db, personId, questionId, iso, n);
	const reading = async (title: string) =>
		createReading(
			s.ctx.organiser,
			createReadingInput.parse({ teamId: String(s.teamId), title, body: '请阅读。' })
		);
	return { db, ...s, leader, session, answers, reading };
}

describe('study credits', () => {
	it('counts each source: sessions by form (late at the late factor), sign-offs, practice answers', async () => {
		const { leader, session, answers, reading } = await setup();
		const now = at(leader, '2026-06-01T12:00:00+08:00');
		expect(await myCredits(now)).toMatchObject({ year: 2026, total: 0, required: 24 });
		await session('2026-03-02', 'lecture', 'present'); // 2
		await session('2026-03-09', 'trial', 'late'); // 3 × 0.5
		await session('2026-03-16', 'collective', 'absent'); // 0
		await signReading(at(leader, '2026-04-01T10:00:00+08:00'), { readingId: await reading('一') });
		await answers('2026-05-01T10:00:00+08:00', 120); // 2 whole credits of 50 answers
		expect(await myCredits(now)).toMatchObject({
			sessions: 3.5,
			signOffs: 1,
			practice: 2,
			practiceAnswers: 120,
			total: 6.5,
			met: false,
			shortfall: 17.5
		});
	});

	it('puts what happens around Beijing midnight on 1 January into the right year', async () => {
		const { leader, session, answers, reading } = await setup();
		await session('2025-12-29', 'lecture', 'present');
		// 23:30 on 31 December in Beijing is 15:30 UTC: still 2025
		await signReading(at(leader, '2025-12-31T23:30:00+08:00'), { readingId: await reading('旧') });
		await answers('2025-12-31T23:59:00+08:00', 50);
		// 00:10 on 1 January in Beijing is still 31 December in UTC: already 2026
		await signReading(at(leader, '2026-01-01T00:10:00+08:00'), { readingId: await reading('新') });
		await answers('2026-01-01T00:01:00+08:00', 100);
		expect(await myCredits(at(leader, '2025-12-31T23:59:59+08:00'))).toMatchObject({
			year: 2025,
			sessions: 2,
			signOffs: 1,
			practice: 1
		});
		expect(await myCredits(at(leader, '2026-01-01T00:30:00+08:00'))).toMatchObject({
			year: 2026,
			sessions: 0,
			signOffs: 1,
			practice: 2
		});
	});

	it('gives no credits for a lecture or collective session under the minimum, by its actual length', async () => {
		const { db, ctx, leader, session } = await setup();
		const now = at(leader, '2026-06-01T12:00:00+08:00');
		await session('2026-03-02', 'lecture', 'present', '20');
		await session('2026-03-09', 'written', 'present', '15'); // 1: no minimum for written study
		expect(await myCredits(now)).toMatchObject({ sessions: 1 });
		// planned for the half hour, but the talk ran 25 minutes
		await session('2026-03-16', 'collective', 'present');
		const [row] = await db.select().from(studySession).where(eq(studySession.date, '2026-03-16'));
		await recordSessionTimes(at(ctx.organiser, '2026-03-16T10:00:00+08:00'), {
			sessionId: row!.id,
			actualStart: '09:00',
			actualEnd: '09:25'
		});
		// the cadre is told how many of the sessions attended earned nothing for it
		expect(await myCredits(now)).toMatchObject({ sessions: 1, shortSessions: 2 });
		await setPolicy(db, 'study.minLectureMinutes', 20);
		expect(await myCredits(now)).toMatchObject({ sessions: 1 + 2 + 2, shortSessions: 0 });
	});

	it('follows a change of policy', async () => {
		const { db, leader, session } = await setup();
		const now = at(leader, '2026-06-01T12:00:00+08:00');
		await session('2026-03-02', 'lecture', 'present');
		await setPolicy(db, 'credits.session.lecture', 4);
		await setPolicy(db, 'credits.annualRequired', 4);
		expect(await myCredits(now)).toMatchObject({ sessions: 4, met: true, progress: 1 });
		// a malformed value means the default
		await setPolicy(db, 'credits.session.lecture', -1);
		expect(await myCredits(now)).toMatchObject({ sessions: 2 });
	});

	it('shows organisers who is behind in their units only, furthest behind first', async () => {
		const { db, ctx, leaders, leader, session } = await setup();
		await session('2026-03-02', 'lecture', 'present');
		await setPolicy(db, 'credits.annualRequired', 2);
		const now = (c: typeof ctx.organiser) => at(c, '2026-06-01T12:00:00+08:00');
		const all = await unitCredits(now(ctx.organiser));
		const ids = (rows: { id: number }[]) => rows.map((r) => r.id);
		expect(ids(all.rows)).not.toContain(leaders[0]!.person.id);
		expect(ids(all.rows)).toContain(leaders[2]!.person.id);
		const everyone = await unitCredits(now(ctx.organiser), { behindOnly: false });
		expect(everyone.rows.at(-1)).toMatchObject({ id: leaders[0]!.person.id });
		// the street's organiser sees the street's people only
		const street = await unitCredits(now(ctx.street), { behindOnly: false });
		expect(ids(street.rows)).toContain(leaders[2]!.person.id);
		expect(ids(street.rows)).not.toContain(leaders[0]!.person.id);
		expect(ids(street.rows)).not.toContain(leaders[1]!.person.id);
		await expect(unitCredits(now(leader))).rejects.toBeInstanceOf(ForbiddenError);
	});
});
