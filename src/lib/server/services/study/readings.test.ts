import { describe, expect, it } from 'vitest';
import { addSessionInput, createReadingInput } from '$lib/schemas/study.ts';
import { auditEntry, studyMaterial } from '../../db/schema/index.ts';
import { ForbiddenError, InvalidInputError } from '../../errors.ts';
import { testDb } from '../../testing/db.ts';
import { ctxFor } from '../../testing/factories.ts';
import {
	createReading,
	deleteReading,
	getReading,
	listReadings,
	myReadings,
	readReadingFile,
	signReading
} from './readings.ts';
import { addSession, cancelSession } from './occurrences.ts';
import { studyAgenda } from './overview.ts';
import { at, studyDistrict } from './testing.ts';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function withReading() {
	const db = await testDb();
	const s = await studyDistrict(db);
	const leaders = await Promise.all(s.leaders.map((l) => ctxFor(db, l.user.id)));
	const readingId = await createReading(
		s.ctx.organiser,
		createReadingInput.parse({
			teamId: String(s.teamId),
			title: '学习《行政复议法》修订要点',
			body: '请阅读**第十一条**，并签阅。<script>alert(1)</script>',
			dueDate: '2026-03-20',
			file: new File([PDF], '修订要点.pdf', { type: 'application/pdf' })
		})
	);
	return { db, ...s, leaders, readingId };
}

describe('written study (书面学法)', () => {
	it('is distributed to a team, opened and signed off by members, and shows who has not', async () => {
		const { db, ctx, leaders, readingId } = await withReading();
		const fresh = await getReading(ctx.organiser, readingId);
		expect(fresh.signed).toBe(0);
		expect(fresh.roster.map((r) => [r.openedAt, r.signedAt])).toEqual([
			[null, null],
			[null, null],
			[null, null]
		]);
		// the text is sanitised Markdown
		expect(fresh.bodyHtml).toContain('<strong>第十一条</strong>');
		expect(fresh.bodyHtml).not.toContain('<script');

		// the first leader opens it (the page, then the file) and signs it off
		const first = at(leaders[0]!, '2026-03-03T09:00:00+08:00');
		const seen = await getReading(first, readingId);
		expect(seen.roster).toEqual([]);
		expect(seen.mine?.signedAt ?? null).toBeNull();
		const file = await readReadingFile(first, readingId, seen.materials[0]!.id);
		expect(new Uint8Array(file.data)).toEqual(PDF);
		await signReading(at(leaders[0]!, '2026-03-03T09:05:00+08:00'), { readingId });
		// signing again changes nothing
		await signReading(at(leaders[0]!, '2026-03-04T10:00:00+08:00'), { readingId });
		// the second only opens it
		await getReading(at(leaders[1]!, '2026-03-03T11:00:00+08:00'), readingId);

		const now = await getReading(ctx.organiser, readingId);
		expect(now.signed).toBe(1);
		const byPerson = new Map(now.roster.map((r) => [r.personId, r]));
		const one = byPerson.get(leaders[0]!.user.personId!)!;
		expect(one.openedAt).toEqual(new Date('2026-03-03T09:00:00+08:00'));
		expect(one.signedAt).toEqual(new Date('2026-03-03T09:05:00+08:00'));
		expect(byPerson.get(leaders[1]!.user.personId!)).toMatchObject({ signedAt: null });
		expect(byPerson.get(leaders[1]!.user.personId!)?.openedAt).not.toBeNull();
		expect(byPerson.get(leaders[2]!.user.personId!)).toMatchObject({
			openedAt: null,
			signedAt: null
		});
		// who has not signed comes first
		expect(now.roster.at(-1)?.personId).toBe(leaders[0]!.user.personId);

		const list = await listReadings(ctx.organiser);
		expect(list.units).toMatchObject([{ id: readingId, signed: 1, members: 3 }]);
		expect(await myReadings(leaders[2]!, { unsignedOnly: true })).toHaveLength(1);
		expect(await myReadings(leaders[0]!, { unsignedOnly: true })).toHaveLength(0);

		const signedAudit = (await db.select().from(auditEntry)).filter(
			(a) => a.action === 'study_reading.signed'
		);
		expect(signedAudit).toHaveLength(1);
	});

	it('shows due dates with their years where a list holds one outside this year', async () => {
		const { ctx, leaders } = await withReading();
		// due 2026-03-20: in March both lists read 3/20; next January, 2026/3/20
		const march = '2026-03-03T09:00:00+08:00';
		expect((await listReadings(at(ctx.organiser, march))).showYear).toEqual({
			mine: false,
			units: false
		});
		expect((await listReadings(at(leaders[0]!, march))).showYear.mine).toBe(false);
		const january = '2027-01-05T09:00:00+08:00';
		expect((await listReadings(at(ctx.organiser, january))).showYear.units).toBe(true);
		expect((await listReadings(at(leaders[0]!, january))).showYear.mine).toBe(true);
	});

	it('is seen only by its team and the units’ readers, and signed only by members', async () => {
		const { db, ctx, outsider, readingId } = await withReading();
		const stranger = await ctxFor(db, outsider.user.id);
		await expect(getReading(stranger, readingId)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(signReading(stranger, { readingId })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(signReading(ctx.hr, { readingId })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(getReading(ctx.street, readingId)).rejects.toThrow();
		await expect(deleteReading(ctx.hr, { readingId })).rejects.toThrow();
		expect((await getReading(ctx.hr, readingId)).manage).toBe(false);
	});

	it('refuses a file that is not an allowed type, and a reading with nothing to read, writing nothing', async () => {
		const { db, ctx, teamId } = await withReading();
		const before = await db.select({ id: studyMaterial.id }).from(studyMaterial);
		await expect(
			createReading(
				ctx.organiser,
				createReadingInput.parse({
					teamId: String(teamId),
					title: '假 PDF',
					file: new File(['<html></html>'], 'a.pdf', { type: 'application/pdf' })
				})
			)
		).rejects.toBeInstanceOf(InvalidInputError);
		expect(await db.select({ id: studyMaterial.id }).from(studyMaterial)).toEqual(before);
		const empty = createReadingInput.safeParse({
			teamId: String(teamId),
			title: '空',
			body: '  ',
			file: new File([], '')
		});
		expect(empty.success).toBe(false);
		expect(empty.error?.issues[0]).toMatchObject({
			path: ['body'],
			message: 'study_reading_needs_content'
		});
	});

	it('goes with its signatures when deleted, and the deletion is audited', async () => {
		const { db, ctx, leaders, readingId } = await withReading();
		await signReading(leaders[0]!, { readingId });
		await deleteReading(ctx.organiser, { readingId });
		expect(await myReadings(leaders[0]!)).toEqual([]);
		const [gone] = (await db.select().from(auditEntry)).filter(
			(a) => a.action === 'study_reading.deleted'
		);
		expect(gone?.before).toMatchObject({ signed: 1 });
	});
});

describe('the home page’s study card', () => {
	it('lists a member’s coming sessions (not cancelled ones) and the materials they have not signed', async () => {
		const { ctx, leaders, readingId, teamId } = await withReading();
		const add = (date: string, topic: string) =>
			addSession(
				ctx.organiser,
				addSessionInput.parse({
					teamId: String(teamId),
					topic,
					form: 'lecture',
					date,
					startTime: '09:00',
					durationMinutes: '30'
				})
			);
		await add('2026-02-23', '已经过去的学习');
		await add('2026-03-09', '学习《行政处罚法》');
		await cancelSession(ctx.organiser, {
			sessionId: await add('2026-03-16', '取消的学习'),
			note: ''
		});
		const agenda = await studyAgenda(leaders[0]!);
		expect(agenda?.sessions.map((s) => s.topic)).toEqual(['学习《行政处罚法》']);
		expect(agenda?.unsigned.map((r) => r.id)).toEqual([readingId]);
		await signReading(leaders[0]!, { readingId });
		expect((await studyAgenda(leaders[0]!))?.unsigned).toEqual([]);
		// someone on no team sees nothing of this team's
		expect(await studyAgenda(ctx.organiser)).toMatchObject({ sessions: [], unsigned: [] });
	});
});
