import { SQLiteTransaction } from 'drizzle-orm/sqlite-core';
import type { SessionUser } from './auth/session-user.ts';
import type { DbOrTx, Tx } from './db/index.ts';

/** What every service receives first: who acts, through which database, at what time. */
export interface Ctx {
	db: DbOrTx;
	user: SessionUser;
	now: Date;
}

/** A context for operations done before anyone signs in (login). */
export interface AnonCtx {
	db: DbOrTx;
	now: Date;
	/** The client's address, for rate limiting. */
	address: string;
}

// libsql's embedded driver is synchronous: a second connection of this process that waits for the
// write lock blocks the event loop, so the transaction holding the lock can never finish (a stall
// of the busy timeout, then SQLITE_BUSY). Write transactions of one process therefore queue here,
// asynchronously. Other processes are separate event loops; the busy timeout serves them.
let writeQueue: Promise<unknown> = Promise.resolve();

function queued<T>(work: () => Promise<T>): Promise<T> {
	const run = writeQueue.then(work, work);
	writeQueue = run.catch(() => undefined);
	return run;
}

/**
 * Runs `fn` in one write transaction, or inside the caller's when there already is one (libsql has no
 * nested transactions), so that a service writes everything or nothing. Every write of the app
 * goes through here (a single statement too, via {@link write}).
 */
export async function transact<C extends { db: DbOrTx }, T>(
	ctx: C,
	fn: (ctx: C & { db: Tx }) => Promise<T>
): Promise<T> {
	if (ctx.db instanceof SQLiteTransaction) return fn(ctx as C & { db: Tx });
	const db = ctx.db;
	return queued(() => db.transaction((tx) => fn({ ...ctx, db: tx })));
}

/** One write statement (or a few) outside any service transaction, queued like every other write. */
export function write<T>(db: DbOrTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
	return transact({ db }, (ctx) => fn(ctx.db));
}
