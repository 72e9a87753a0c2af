import { SQLiteTransaction } from 'drizzle-orm/sqlite-core';
import type { SessionUser } from './auth/session-user.ts';
import { type DbOrTx, type ReadDb, type Tx, durable } from './db/index.ts';
import { queued } from './db/write-queue.ts';
import { readConfig } from './config.ts';
import { log } from './log.ts';

/**
 * What every service receives first: who acts, through which database, at what time. `db` reads
 * only; a service writes through the handle {@link transact} gives it (see `ReadDb`).
 */
export interface Ctx {
	db: ReadDb;
	user: SessionUser;
	now: Date;
}

/** A context for operations done before anyone signs in (login). */
export interface AnonCtx {
	db: ReadDb;
	now: Date;
	/** The client's address, for rate limiting. */
	address: string;
}

// A write transaction holds the database's write lock from its BEGIN IMMEDIATE to its COMMIT;
// every other writer (in any process) waits meanwhile. Holds longer than this are reported, so
// that a slow write shows in the log.
const SLOW_WRITE_MS = readConfig().slowWriteMs;

async function timed<T>(run: (locked: () => void) => Promise<T>): Promise<T> {
	let since = 0;
	let cpu = process.cpuUsage();
	const result = await run(() => {
		since = performance.now();
		cpu = process.cpuUsage();
	});
	const held = performance.now() - since;
	if (held >= SLOW_WRITE_MS) {
		// the process's CPU time meanwhile: on a busy machine the wall time also counts waiting
		const used = process.cpuUsage(cpu);
		const cpuMs = Math.round((used.user + used.system) / 1000);
		log.warn({ heldMs: Math.round(held), cpuMs }, 'slow write transaction');
	}
	return result;
}

/**
 * Runs `fn` in one write transaction, or inside the caller's when there already is one (libsql has no
 * nested transactions), so that a service writes everything or nothing. Every write of the app
 * goes through here (a single statement too, via {@link write}).
 */
export async function transact<C extends { db: ReadDb }, T>(
	ctx: C,
	fn: (ctx: C & { db: Tx }) => Promise<T>
): Promise<T> {
	if (ctx.db instanceof SQLiteTransaction) return fn(ctx as C & { db: Tx });
	// the one place where the read-only handle becomes the connection it is (see ReadDb)
	const db = ctx.db as DbOrTx;
	const result = await queued(() =>
		timed((locked) =>
			db.transaction((tx) => {
				locked();
				return fn({ ...ctx, db: tx });
			})
		)
	);
	// committed, and the lock released for the next writer: acknowledged once it is on disk
	await durable(ctx.db);
	return result;
}

/** One write statement (or a few) outside any service transaction, queued like every other write. */
export function write<T>(db: ReadDb, fn: (tx: Tx) => Promise<T>): Promise<T> {
	return transact({ db }, (ctx) => fn(ctx.db));
}
