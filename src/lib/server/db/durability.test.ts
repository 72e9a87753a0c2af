import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDb } from '../testing/db.ts';

const FULL = 2;

describe('durability of the embedded database', () => {
	it('commits with synchronous=FULL in WAL mode on every pooled connection', async () => {
		const db = await testDb();
		const level = async (q: { all: (s: ReturnType<typeof sql>) => Promise<unknown[]> }) =>
			((await q.all(sql`PRAGMA synchronous`))[0] as { synchronous: number }).synchronous;
		expect(
			((await db.all(sql`PRAGMA journal_mode`))[0] as { journal_mode: string }).journal_mode
		).toBe('wal');
		// a transaction holds one connection while the reads beside it borrow others
		const seen = await db.transaction(async (tx) => {
			const inside = await level(tx);
			const beside = await Promise.all([level(db), level(db)]);
			return [inside, ...beside];
		});
		expect(seen).toEqual([FULL, FULL, FULL]);
	});
});
