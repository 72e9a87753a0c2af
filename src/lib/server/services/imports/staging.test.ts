import { gzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { stagedImport } from '../../db/schema/index.ts';
import { testDb } from '../../testing/db.ts';
import { ctxFor, district } from '../../testing/factories.ts';
import { readStaged, stage } from './staging.ts';

describe('a staged upload', () => {
	it('keeps a 2,000-character file name bounded, with its extension, for its job and audit entry', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const id = await stage(ctx, 'questions', {
			fileName: `${'试'.repeat(2000)}.xlsx`,
			payload: {}
		});
		const { fileName } = await readStaged(ctx, 'questions', id);
		expect(fileName).toMatch(/^试+…\.xlsx$/);
		expect(fileName.length).toBe(100);
		const [row] = await db.select({ fileName: stagedImport.fileName }).from(stagedImport);
		expect(row!.fileName).toBe(fileName);
	});

	it('keeps a large payload compressed, and reads it back as it was staged', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const questions = Array.from({ length: 2000 }, (_, i) => ({
			externalId: `Q${i}`,
			content: {
				type: 'single',
				stem: `第${i}题：行政机关应当依法全面正确履行职能，下列说法正确的是？`
			}
		}));
		const id = await stage(ctx, 'questions', { fileName: 'bank.csv', payload: { questions } });

		expect((await readStaged(ctx, 'questions', id)).payload).toEqual({ questions });
		const [row] = await db.all<{ bytes: number }>(
			sql`SELECT length(payload) AS bytes FROM staged_import WHERE id = ${id}`
		);
		expect(row!.bytes).toBeLessThan(JSON.stringify({ questions }).length / 4);
	});

	it('reads back a payload with lists and fields around its longest list, line breaks in its texts', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const payload = {
			headers: ['单位', '姓名'],
			rows: [
				['区司法局', '王芳\n（借调）'],
				['区司法局', '李明'],
				['街道', '{"$lines":"x"}']
			],
			skipped: 2,
			note: null
		};
		const id = await stage(ctx, 'roster', { fileName: 'roster.csv', payload });
		expect((await readStaged(ctx, 'roster', id)).payload).toEqual(payload);
		const one = await stage(ctx, 'roster', { fileName: 'r.csv', payload: { rows: [['甲']] } });
		expect((await readStaged(ctx, 'roster', one)).payload).toEqual({ rows: [['甲']] });
	});

	it('reads a payload compressed whole, as staged before it was kept a line per item', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const id = await stage(ctx, 'roster', { fileName: 'roster.csv', payload: {} });
		const payload = {
			rows: [
				['区司法局', '王芳'],
				['区司法局', '李明']
			]
		};
		await db
			.update(stagedImport)
			.set({ payload: sql`${gzipSync(JSON.stringify(payload))}` })
			.where(eq(stagedImport.id, id));

		expect((await readStaged(ctx, 'roster', id)).payload).toEqual(payload);
	});

	it('reads a payload staged as JSON text before payloads were compressed', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const id = await stage(ctx, 'roster', { fileName: 'roster.csv', payload: {} });
		await db
			.update(stagedImport)
			.set({ payload: sql`${JSON.stringify({ rows: [['区司法局', '王芳']] })}` })
			.where(eq(stagedImport.id, id));

		expect((await readStaged(ctx, 'roster', id)).payload).toEqual({ rows: [['区司法局', '王芳']] });
	});
});
