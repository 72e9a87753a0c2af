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

/**
 * Runs `fn` in one write transaction, or inside the caller's when there already is one (libsql has no
 * nested transactions), so that a service writes everything or nothing.
 */
export async function transact<C extends { db: DbOrTx }, T>(
	ctx: C,
	fn: (ctx: C & { db: Tx }) => Promise<T>
): Promise<T> {
	if (ctx.db instanceof SQLiteTransaction) return fn(ctx as C & { db: Tx });
	return ctx.db.transaction((tx) => fn({ ...ctx, db: tx }));
}
