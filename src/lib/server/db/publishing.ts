import { createClient } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import { transact } from '../context.ts';
import { BUSY_TIMEOUT_MS, retryingWriter } from './busy.ts';
import { type Db, type ReadDb, type Tx, embeddedUrlOf, flushesLike, schema } from './index.ts';

/**
 * Large publishing transactions (an import job's last step) on an embedded database.
 *
 * SQLite checkpoints by itself in the COMMIT that takes the write-ahead log past 1,000 pages: it
 * copies the log into the database file and syncs both. It does so after the write lock is
 * released (another process may write meanwhile), yet inside the call that commits, so this
 * process's write queue and event loop wait for it, and the hold the app logs counts it. A
 * 5,000-row roster publishes about 1,000 pages: its COMMIT nearly always checkpointed them, and
 * the rows staged before them. Measured in the built app while another process logged people in,
 * that COMMIT took 14-35 ms; on a connection that does not checkpoint, 7-9 ms.
 *
 * So such a transaction commits on a connection of its own that does not checkpoint, and the log
 * is checkpointed right after, outside any transaction: the same work, with the lock free and
 * the event loop given a turn in between, and a logged hold that is the lock's.
 */

/** Runs transactions as `transact` does, on the publishing connection. */
export interface Publisher<C extends { db: ReadDb }> {
	transact<T>(fn: (ctx: C & { db: Tx }) => Promise<T>): Promise<T>;
}

/**
 * Runs `publish` with a {@link Publisher} on a connection of its own (see above), then closes it
 * and checkpoints. On a libSQL server or an in-memory database, transactions run as usual.
 */
export async function withPublisher<C extends { db: ReadDb }, T>(
	ctx: C,
	publish: (publisher: Publisher<C>) => Promise<T>
): Promise<T> {
	const url = embeddedUrlOf(ctx.db);
	if (url === null) return publish({ transact: (fn) => transact(ctx, fn) });
	const client = createClient({ url, timeout: BUSY_TIMEOUT_MS });
	const own = { ...ctx, db: drizzle(retryingWriter(client), { schema, casing: 'snake_case' }) };
	// its commits are acknowledged as the app's are: once the log is flushed (./wal-sync.ts)
	flushesLike(own.db, ctx.db);
	try {
		// a connection reads the schema at its first statement: here, not under the write lock
		await own.db.run(sql`SELECT count(*) FROM sqlite_schema WHERE name = 'person'`);
		return await publish({
			transact: (fn) =>
				transact(own, async (tx) => {
					// in each transaction: a connection reopened after a busy database has the default
					await tx.db.run(sql`PRAGMA wal_autocheckpoint = 0`);
					return fn(tx);
				})
		});
	} finally {
		client.close();
		await checkpointLog(ctx.db);
	}
}

/**
 * Copies the write-ahead log into the database file now: a passive checkpoint, which waits for no
 * reader or writer and takes no write lock. Nothing for a libSQL server, which keeps its own log.
 */
export async function checkpointLog(db: ReadDb): Promise<void> {
	if (embeddedUrlOf(db) === null) return;
	// writes no row: the read-only handle runs it on a connection of its own, outside any
	// transaction (a checkpoint cannot run inside one)
	await (db as Db).run(sql`PRAGMA wal_checkpoint(PASSIVE)`);
}
