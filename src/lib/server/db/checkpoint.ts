import { sql } from 'drizzle-orm';
import { type Db, type ReadDb, embeddedUrlOf } from './index.ts';

/**
 * Copies what the write-ahead log holds into the database file now: a passive checkpoint, which
 * waits for no reader or writer and takes no write lock. For an embedded database; nothing for a
 * libSQL server, which keeps its log itself.
 *
 * Why before a large publishing transaction: SQLite checkpoints by itself in the COMMIT that takes
 * the log past 1,000 pages. That work comes after the write lock is released, yet inside the call
 * that commits, so it lengthens the transaction as the app sees and logs it (and blocks this
 * process's event loop). An import job stages thousands of rows first; checkpointed here, they are
 * not copied by its publishing COMMIT as well.
 */
export async function checkpointLog(db: ReadDb): Promise<void> {
	if (embeddedUrlOf(db) === null) return;
	// a pragma that writes no row: the read-only handle runs it on a connection of its own, outside
	// any transaction (a checkpoint cannot run inside one)
	await (db as Db).run(sql`PRAGMA wal_checkpoint(PASSIVE)`);
}
