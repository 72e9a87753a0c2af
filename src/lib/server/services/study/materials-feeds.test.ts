import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { addSessionInput } from '$lib/schemas/study.ts';
import { calendarFeed } from '../../db/schema/index.ts';
import { InvalidInputError } from '../../errors.ts';
import { testDb } from '../../testing/db.ts';
import { ctxFor } from '../../testing/factories.ts';
import { createFeed, feedCalendar, revokeFeed } from './feeds.ts';
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
});
