import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { write } from '../context.ts';
import { testDb } from '../testing/db.ts';
import { withPublisher } from './publishing.ts';
import { unit } from './schema/index.ts';

const NORMAL = 1;
const pragma = async (
	q: { all: (s: ReturnType<typeof sql>) => Promise<unknown[]> },
	name: string
) => Object.values((await q.all(sql.raw(`PRAGMA ${name}`)))[0] as object)[0] as number;

describe('the publishing connection of large imports', () => {
	it('commits without checkpointing, as every connection of the app', async () => {
		const db = await testDb();
		const seen = await withPublisher({ db }, (publisher) =>
			publisher.transact(async (tx) => {
				await tx.db.insert(unit).values({ name: '新单位', kind: 'office', path: '/' });
				return [await pragma(tx.db, 'synchronous'), await pragma(tx.db, 'wal_autocheckpoint')];
			})
		);
		expect(seen).toEqual([NORMAL, 0]);
		expect(await db.$count(unit, eq(unit.name, '新单位'))).toBe(1);
		expect(await write(db, (tx) => pragma(tx, 'wal_autocheckpoint'))).toBe(0);
	});

	it('writes nothing when its transaction fails', async () => {
		const db = await testDb();
		const failure = await withPublisher({ db }, (publisher) =>
			publisher.transact(async (tx) => {
				await tx.db.insert(unit).values({ name: '半途', kind: 'office', path: '/' });
				throw new Error('conflict');
			})
		).catch((e: unknown) => e);
		expect(failure).toEqual(new Error('conflict'));
		expect(await db.$count(unit, eq(unit.name, '半途'))).toBe(0);
	});
});
