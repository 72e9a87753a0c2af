import { type SQL, and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { transact } from '../../context.ts';
import { importJob, importRow } from '../../db/schema/index.ts';
import { testDb } from '../../testing/db.ts';
import { ctxFor, district } from '../../testing/factories.ts';
import { inPublishChunks, stageRows } from './rows.ts';

const NOW = new Date('2026-03-02T02:00:00Z');
const JOB = 'b'.repeat(32);

async function staged(rows: number) {
	const db = await testDb();
	const d = await district(db);
	const ctx = { ...(await ctxFor(db, d.admin.user.id)), now: NOW };
	await db.insert(importJob).values({
		id: JOB,
		userId: d.admin.user.id,
		kind: 'questions',
		fileName: 'x.csv',
		state: 'running',
		createdAt: NOW,
		updatedAt: NOW,
		expiresAt: new Date(NOW.getTime() + 3_600_000)
	});
	await stageRows(
		db,
		JOB,
		'source',
		Array.from({ length: rows }, (_, n) => ({ n }))
	);
	return { db, ctx };
}

/** Publishes a chunk of staged rows as rows of the target 'copy' (a table that needs nothing). */
const copy = (rows: SQL) =>
	sql`INSERT INTO import_row (job_id, target, ord, data) SELECT ${JOB}, 'copy', data->>'n', data FROM ${rows}`;

const copies = async (db: Awaited<ReturnType<typeof staged>>['db']) =>
	(
		await db
			.select({ ord: importRow.ord })
			.from(importRow)
			.where(and(eq(importRow.jobId, JOB), eq(importRow.target, 'copy')))
	).map((r) => r.ord);

describe('publishing staged rows in chunks', () => {
	it('publishes every row, and lets requests in between two chunks of the one transaction', async () => {
		const { db, ctx } = await staged(5);
		const turns: string[] = [];
		await transact(ctx, async (tx) => {
			// a request arriving while the transaction publishes
			setImmediate(() => turns.push('request'));
			await inPublishChunks(
				tx.db,
				JOB,
				'source',
				async (rows) => {
					await tx.db.run(copy(rows));
					turns.push('chunk');
				},
				2
			);
		});
		expect(turns).toEqual(['chunk', 'request', 'chunk', 'chunk']);
		expect((await copies(db)).sort()).toEqual([0, 1, 2, 3, 4]);
	});

	it('publishes nothing when a later chunk fails: still all or nothing', async () => {
		const { db, ctx } = await staged(5);
		let chunks = 0;
		await expect(
			transact(ctx, (tx) =>
				inPublishChunks(
					tx.db,
					JOB,
					'source',
					async (rows) => {
						if (++chunks === 3) throw new Error('the third chunk breaks');
						await tx.db.run(copy(rows));
					},
					2
				)
			)
		).rejects.toThrow('the third chunk breaks');
		expect(await copies(db)).toEqual([]);
	});

	it('publishes nothing, and runs nothing, for a target without rows', async () => {
		const { ctx } = await staged(0);
		let chunks = 0;
		await transact(ctx, (tx) => inPublishChunks(tx.db, JOB, 'source', async () => void chunks++));
		expect(chunks).toBe(0);
	});
});
