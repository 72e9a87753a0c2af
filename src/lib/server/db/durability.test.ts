import { sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { transact } from '../context.ts';
import { closeAfterTest, testDb } from '../testing/db.ts';
import { openDatabase } from './index.ts';
import { withPublisher } from './publishing.ts';
import { coalescedSync, walFileSync } from './wal-sync.ts';

const NORMAL = 1;

/** A promise and what settles it. */
function deferred() {
	let resolve!: () => void;
	let reject!: (e: unknown) => void;
	const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
	return { promise, resolve, reject };
}

// every flush of the watched database's log, as it happens; a test may hold the next ones back
const flushes: string[] = [];
let holdFlushes: Promise<void> | null = null;

/** A database whose log flushes are recorded in `flushes`. */
async function watchedDb() {
	const dir = mkdtempSync(join(tmpdir(), 'xuefa-durable-'));
	const { db, client } = await openDatabase(`file:${join(dir, 'db.sqlite')}`, {
		migrationsFolder: './drizzle',
		flushLog: (path) => {
			const flush = walFileSync(path);
			return async () => {
				flushes.push('flush begins');
				await holdFlushes;
				await flush();
				flushes.push('flush ends');
			};
		}
	});
	closeAfterTest(() => {
		client.close();
		rmSync(dir, { recursive: true, force: true });
	});
	return db;
}

describe('durability of the embedded database', () => {
	// a test that failed while holding the flushes must not hold up the next
	afterEach(() => {
		holdFlushes = null;
	});

	it('runs in WAL mode with synchronous=NORMAL on every pooled connection', async () => {
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
		expect(seen).toEqual([NORMAL, NORMAL, NORMAL]);
	});

	it('acknowledges a write only after the log was flushed to disk after its commit', async () => {
		const db = await watchedDb();
		flushes.length = 0;
		await transact({ db }, async (ctx) => {
			await ctx.db.run(sql`CREATE TABLE t (v TEXT)`);
			flushes.push('committing');
		});
		flushes.push('acknowledged');
		expect(flushes).toEqual(['committing', 'flush begins', 'flush ends', 'acknowledged']);
	});

	it('lets the next writer in while the flush runs, and both share the next flush', async () => {
		const db = await watchedDb();
		await transact({ db }, (ctx) => ctx.db.run(sql`CREATE TABLE t (v TEXT)`));
		const held = deferred();
		holdFlushes = held.promise;
		flushes.length = 0;
		const first = transact({ db }, (ctx) => ctx.db.run(sql`INSERT INTO t VALUES ('a')`));
		while (!flushes.includes('flush begins')) await new Promise((r) => setTimeout(r, 1));
		// the first write's flush is held: the lock is free all the same
		const second = transact({ db }, (ctx) => ctx.db.run(sql`INSERT INTO t VALUES ('b')`));
		const third = transact({ db }, (ctx) => ctx.db.run(sql`INSERT INTO t VALUES ('c')`));
		// committed while the flush is held (however long a loaded machine takes to get there)
		await expect
			.poll(async () =>
				(await db.all(sql`SELECT v FROM t ORDER BY v`)).map((r) => (r as { v: string }).v)
			)
			.toEqual(['a', 'b', 'c']);
		let acknowledged = false;
		void Promise.all([second, third]).then(() => (acknowledged = true));
		await new Promise((r) => setTimeout(r, 20));
		// committed, readable, and not yet acknowledged: their flush has not run
		expect(acknowledged).toBe(false);
		holdFlushes = null;
		held.resolve();
		await Promise.all([first, second, third]);
		// one flush for the first, one shared by the two that committed while it ran
		expect(flushes.filter((f) => f === 'flush ends')).toHaveLength(2);
	});

	it('acknowledges a publishing transaction, on its own connection, only after a flush', async () => {
		const db = await watchedDb();
		await transact({ db }, (ctx) => ctx.db.run(sql`CREATE TABLE t (v TEXT)`));
		flushes.length = 0;
		await withPublisher({ db }, (publisher) =>
			publisher.transact(async (ctx) => {
				await ctx.db.run(sql`INSERT INTO t VALUES ('published')`);
				flushes.push('committing');
			})
		);
		flushes.push('acknowledged');
		expect(flushes).toEqual(['committing', 'flush begins', 'flush ends', 'acknowledged']);
	});
});

describe('flushes shared by the commits that wait for them', () => {
	it('gives a caller a flush that began after it asked, shared with everyone asking meanwhile', async () => {
		const runs: ReturnType<typeof deferred>[] = [];
		const sync = coalescedSync(() => {
			const d = deferred();
			runs.push(d);
			return d.promise;
		});
		const a = sync();
		expect(runs).toHaveLength(1);
		// asked while the first runs: it may have begun before their commits
		const b = sync();
		const c = sync();
		expect(runs).toHaveLength(1);
		let bDone = false;
		void b.then(() => (bDone = true));
		runs[0]!.resolve();
		await a;
		await new Promise((r) => setTimeout(r, 0));
		expect(runs).toHaveLength(2);
		expect(bDone).toBe(false);
		runs[1]!.resolve();
		await Promise.all([b, c]);
		// nothing running: the next caller starts one at once
		const d = sync();
		expect(runs).toHaveLength(3);
		runs[2]!.resolve();
		await d;
	});

	it('flushes nothing, and fails nothing, when the database has no log file', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'xuefa-nolog-'));
		await expect(walFileSync(join(dir, 'db.sqlite'))()).resolves.toBeUndefined();
		rmSync(dir, { recursive: true, force: true });
	});

	it('hands a failed flush to those who waited for it, and the next caller gets a new one', async () => {
		let n = 0;
		const sync = coalescedSync(async () => {
			if (++n === 1) throw new Error('EIO');
		});
		await expect(sync()).rejects.toThrow('EIO');
		await expect(sync()).resolves.toBeUndefined();
	});
});
