import { type Client, createClient } from '@libsql/client';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { transact, write } from '../context.ts';
import { DatabaseBusyError } from '../errors.ts';
import { mapError } from '../http.ts';
import { closeAfterTest, testDatabase } from '../testing/db.ts';
import { ctxFor, district } from '../testing/factories.ts';
import { unit } from './schema/index.ts';
import { BUSY_TIMEOUT_MS, retryWhileBusy, retryingClient } from './busy.ts';
import { lockTurns } from './turns.ts';

/** A second process's connection that takes the write lock and keeps it until released. */
async function holdWriteLock(url: string) {
	const other: Client = createClient({ url });
	closeAfterTest(() => other.close());
	const tx = await other.transaction('write');
	await tx.execute("INSERT INTO unit (name, kind, path) VALUES ('另一进程', 'office', '/x/')");
	return { release: () => tx.commit() };
}

describe('a database locked by another process', () => {
	it('turns a write that cannot get the lock into DatabaseBusyError (503), not SQLITE_BUSY', async () => {
		const { db, url } = await testDatabase();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const lock = await holdWriteLock(url);

		const failure = await write(db, (tx) =>
			tx.insert(unit).values({ name: '新单位', kind: 'office', path: '/y/' })
		).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(DatabaseBusyError);
		const answer = mapError(failure) as { status: number; data: { message: string } };
		expect(answer.status).toBe(503);
		expect(answer.data.message).toBe('系统繁忙，请稍后重试。');

		// reads go on meanwhile (WAL): the other process's uncommitted row is not seen
		const [units] = await db.select({ n: count() }).from(unit);
		expect(units!.n).toBe(4);
		await lock.release();
		// the connection that met the lock is not left on its old snapshot
		expect((await db.select({ n: count() }).from(unit))[0]!.n).toBe(5);
		// and the service transaction works again once the lock is free
		await transact(ctx, (tx) =>
			tx.db.insert(unit).values({ name: '新单位', kind: 'office', path: '/y/' })
		);
		expect((await db.select({ n: count() }).from(unit))[0]!.n).toBe(6);
	});

	it('waits without blocking the event loop, and succeeds when the lock is released in time', async () => {
		const { db, url } = await testDatabase();
		await district(db);
		const lock = await holdWriteLock(url);
		const events: string[] = [];

		const saving = write(db, (tx) =>
			tx.insert(unit).values({ name: '新单位', kind: 'office', path: '/y/' })
		).then(() => events.push('write committed'));
		// A synchronous busy wait of seconds would run this timer only after the write settled.
		await new Promise((resolve) => setTimeout(resolve, 150));
		events.push('timer ran');
		const [units] = await db.select({ n: count() }).from(unit);
		events.push(`read ${units!.n} units`);
		await lock.release();
		await saving;

		expect(events).toEqual(['timer ran', 'read 4 units', 'write committed']);
	});

	it('keeps every read going while a write waits and retries', async () => {
		const { db, url } = await testDatabase();
		await district(db);
		const lock = await holdWriteLock(url);
		let waiting = true;
		const saving = write(db, (tx) =>
			tx.insert(unit).values({ name: '新单位', kind: 'office', path: '/y/' })
		).finally(() => (waiting = false));
		const reads: Promise<unknown>[] = [];
		setTimeout(() => void lock.release(), 600);
		while (waiting) {
			// many at once, so that some are in flight whenever the write meets the lock again
			for (let i = 0; i < 30; i++)
				reads.push(
					db
						.select({ n: count() })
						.from(unit)
						.then((r) => r)
				);
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
		await saving;
		const settled = await Promise.allSettled(reads);
		expect(settled.filter((r) => r.status === 'rejected')).toEqual([]);
	});

	it('lets a process that waits for the lock in while another writes back to back', async () => {
		const { url, dir } = await testDatabase();
		const file = join(dir, 'test.db');
		// two app processes on one file: each its clients, its turns
		const processOf = () => {
			const raw = createClient({ url, timeout: BUSY_TIMEOUT_MS });
			const client = retryingClient(raw, raw, { turns: lockTurns(file) });
			closeAfterTest(() => client.close());
			return client;
		};
		const [busy, other] = [processOf(), processOf()];
		await busy.execute('CREATE TABLE log (who TEXT NOT NULL)');
		const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
		let writing = true;
		const storm = (async () => {
			// a submit storm: transactions back to back, each holding the lock a few milliseconds
			while (writing) {
				const tx = await busy.transaction('write');
				await tx.execute("INSERT INTO log VALUES ('storm')");
				await pause(3);
				await tx.commit();
			}
		})();
		await pause(50);
		const tx = await other.transaction('write');
		await tx.execute("INSERT INTO log VALUES ('other')");
		await tx.commit();
		// the storm goes on: the other process got in between two of its transactions, not after it
		await pause(50);
		writing = false;
		await storm;
		const rows = (await busy.execute('SELECT who FROM log ORDER BY rowid')).rows.map((r) => r.who);
		expect(rows.indexOf('other')).toBeGreaterThan(0);
		expect(rows.indexOf('other')).toBeLessThan(rows.length - 3);
	});

	it('retries only busy errors, and gives up after the last pause', async () => {
		let calls = 0;
		const busy = Object.assign(new Error('SQLITE_BUSY: database is locked'), {
			code: 'SQLITE_BUSY'
		});
		await expect(
			retryWhileBusy(async () => {
				calls++;
				throw busy;
			}, [1, 1, 1])
		).rejects.toBeInstanceOf(DatabaseBusyError);
		expect(calls).toBe(4);

		calls = 0;
		const other = new Error('UNIQUE constraint failed');
		await expect(
			retryWhileBusy(async () => {
				calls++;
				throw other;
			}, [1, 1, 1])
		).rejects.toBe(other);
		expect(calls).toBe(1);

		// drizzle wraps what a query throws: still a busy database, still 503
		const wrapped = new Error('Failed query: select …', { cause: new DatabaseBusyError() });
		expect((mapError(wrapped) as { status: number }).status).toBe(503);
	});
});
