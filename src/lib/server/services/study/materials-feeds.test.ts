import ICAL from 'ical.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addSessionInput } from '$lib/schemas/study.ts';
import { calendarFeed } from '../../db/schema/index.ts';
import { GET as fetchFeed } from '../../../../routes/ical/[token].ics/+server.ts';
import { ConflictError, InvalidInputError, RateLimitedError } from '../../errors.ts';
import { testDb } from '../../testing/db.ts';
import { ctxFor } from '../../testing/factories.ts';
import { MAX_FEEDS, createFeed, feedCalendar, revokeFeed } from './feeds.ts';
import { readMaterial, uploadMaterial } from './materials.ts';
import { addSession, cancelSession } from './occurrences.ts';
import { studyDistrict } from './testing.ts';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function withSession() {
	const db = await testDb();
	const s = await studyDistrict(db);
	const add = (date: string, topic: string) =>
		addSession(
			s.ctx.organiser,
			addSessionInput.parse({
				teamId: String(s.teamId),
				topic,
				form: 'lecture',
				date,
				startTime: '09:00',
				durationMinutes: '30',
				location: '第一会议室'
			})
		);
	return { db, ...s, add, sessionId: await add('2026-03-09', '学习《行政处罚法》') };
}

describe('session materials', () => {
	it('accept only allowed types by their bytes, and are read only by those who see the session', async () => {
		const { db, ctx, sessionId, outsider } = await withSession();
		const id = await uploadMaterial(ctx.organiser, {
			sessionId,
			file: new File([PDF], '../../讲稿.exe.pdf', { type: 'text/html' })
		});
		const m = await readMaterial(ctx.leader, sessionId, id);
		expect(m).toMatchObject({ contentType: 'application/pdf', fileName: '讲稿.exe.pdf' });
		expect(new Uint8Array(m.data)).toEqual(PDF);
		// an HTML page named .pdf is not a PDF
		const html = new File(['<script>alert(1)</script>'], '讲稿.pdf', { type: 'application/pdf' });
		await expect(uploadMaterial(ctx.organiser, { sessionId, file: html })).rejects.toBeInstanceOf(
			InvalidInputError
		);
		await expect(readMaterial(await ctxFor(db, outsider.user.id), sessionId, id)).rejects.toThrow();
		await expect(
			uploadMaterial(ctx.hr, { sessionId, file: new File([PDF], 'a.pdf') })
		).rejects.toThrow();
	});

	it('keep a name that shows as it is: no marks reordering it, an emoji not cut in half', async () => {
		const { ctx, sessionId } = await withSession();
		const upload = async (name: string) => {
			const file = new File([PDF], name);
			const id = await uploadMaterial(ctx.organiser, { sessionId, file });
			return (await readMaterial(ctx.leader, sessionId, id)).fileName;
		};
		// shown as 讲稿fdp.jpg: a PDF that reads as a picture
		expect(await upload('讲稿\u202Egpj.pdf')).toBe('讲稿gpj.pdf');
		// a long name keeps its beginning and its type, cut between whole characters
		expect(await upload(`${'学'.repeat(94)}👨‍👩‍👧😀.pdf`)).toBe(`${'学'.repeat(94)}👨‍👩‍👧😀.pdf`);
		expect(await upload(`${'学'.repeat(94)}👨‍👩‍👧😀😀.pdf`)).toBe(`${'学'.repeat(94)}👨‍👩‍👧….pdf`);
		// the same rule as an import's name (one cutter for every upload)
		expect(await upload(`${'学'.repeat(500)}.pdf`)).toHaveLength(100);
	});
});

describe('calendar feeds', () => {
	it('publish a member’s sessions as iCalendar, cancellations included, until revoked', async () => {
		const { db, d, ctx, add, sessionId } = await withSession();
		const cancelled = await add('2026-03-16', '学习《行政许可法》');
		await cancelSession(ctx.organiser, { sessionId: cancelled, note: '' });
		const token = await createFeed(ctx.leader, { kind: 'person' });
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		// only the token's hash is kept
		const stored = await db.select().from(calendarFeed);
		expect(stored[0]!.tokenHash).not.toContain(token);

		const text = await feedCalendar(db, token, ctx.leader.now, 'https://xuefa.example.gov.cn');
		const cal = new ICAL.Component(ICAL.parse(text!));
		const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
		expect(events).toHaveLength(2);
		const lecture = events.find(
			(e) => e.uid === `study-session/${sessionId}@xuefa.example.gov.cn`
		)!;
		expect(lecture.summary).toBe('学习《行政处罚法》');
		expect(lecture.location).toBe('第一会议室');
		expect(lecture.startDate.toJSDate().toISOString()).toBe('2026-03-09T01:00:00.000Z');
		expect(lecture.duration.toSeconds()).toBe(30 * 60);
		const gone = events.find((e) => e.summary === '学习《行政许可法》')!;
		expect(gone.component.getFirstPropertyValue('status')).toBe('CANCELLED');

		// someone not on the team sees nothing of it in their own feed; a unit feed of HR sees it
		const outsiderToken = await createFeed(ctx.outsider, { kind: 'person' });
		const empty = await feedCalendar(db, outsiderToken, ctx.leader.now, 'https://x.example');
		expect(new ICAL.Component(ICAL.parse(empty!)).getAllSubcomponents('vevent')).toHaveLength(0);
		const unitToken = await createFeed(ctx.hr, { kind: 'unit', unitId: d.root.id });
		const unitFeed = await feedCalendar(db, unitToken, ctx.leader.now, 'https://x.example');
		expect(new ICAL.Component(ICAL.parse(unitFeed!)).getAllSubcomponents('vevent')).toHaveLength(2);

		const [feed] = await db.select().from(calendarFeed).limit(1);
		await revokeFeed(ctx.leader, { feedId: feed!.id });
		expect(await feedCalendar(db, token, ctx.leader.now, 'https://x.example')).toBeNull();
		expect(await feedCalendar(db, 'x'.repeat(43), ctx.leader.now, 'https://x.example')).toBeNull();
		// a unit feed needs study.read on the unit
		await expect(createFeed(ctx.leader, { kind: 'unit', unitId: d.root.id })).rejects.toThrow();
	});

	afterEach(() => vi.useRealTimers());

	it('are held to a rate per feed: a calendar app polling is never refused, a loop is', async () => {
		const { db, ctx } = await withSession();
		const token = await createFeed(ctx.leader, { kind: 'person' });
		const other = await createFeed(ctx.outsider, { kind: 'person' });
		const start = ctx.leader.now.getTime();
		const fetchAt = (t: string, seconds: number) =>
			feedCalendar(db, t, new Date(start + seconds * 1000), 'https://x.example');
		const refusal = (p: Promise<unknown>) =>
			p.then(
				() => null,
				(e: unknown) => (e instanceof RateLimitedError ? e.params.seconds : Promise.reject(e))
			);

		// an app polling every minute for two hours: three a minute are allowed without end
		for (let minute = 0; minute < 120; minute++)
			expect(await fetchAt(token, minute * 60)).toContain('BEGIN:VCALENDAR');

		// a loop: thirty at once (several apps, refreshes by hand), then one each twenty seconds
		const loop = 120 * 60;
		for (let i = 0; i < 30; i++) expect(await fetchAt(token, loop)).not.toBeNull();
		expect(await refusal(fetchAt(token, loop))).toBe(20);
		expect(await refusal(fetchAt(token, loop + 19))).toBe(1);
		expect(await fetchAt(token, loop + 20)).not.toBeNull();
		expect(await refusal(fetchAt(token, loop + 20))).toBe(20);
		// another person's feed is not slowed by it
		expect(await fetchAt(other, loop)).not.toBeNull();

		// the address answers 429 with the seconds to wait, which calendar apps honour
		vi.useFakeTimers({ toFake: ['Date'], now: start + (loop + 21) * 1000 });
		const res = await fetchFeed({
			params: { token },
			url: new URL(`https://x.example/ical/${token}.ics`),
			locals: { db }
		} as never);
		expect(res.status).toBe(429);
		expect(res.headers.get('retry-after')).toBe('19');
	});

	it('are kept to twenty a person, so that the rate of each cannot be multiplied', async () => {
		const { db, ctx } = await withSession();
		for (let i = 0; i < MAX_FEEDS; i++) await createFeed(ctx.leader, { kind: 'person' });
		await expect(createFeed(ctx.leader, { kind: 'person' })).rejects.toThrow(ConflictError);
		// one revoked makes room for another
		const [feed] = await db.select().from(calendarFeed).limit(1);
		await revokeFeed(ctx.leader, { feedId: feed!.id });
		await createFeed(ctx.leader, { kind: 'person' });
		// others' feeds are their own
		await createFeed(ctx.outsider, { kind: 'person' });
	});
});
