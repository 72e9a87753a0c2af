/**
 * Group commit of exam starts (db/group-commit.ts): on exam day the roster starts within seconds,
 * and the starts that arrive while a write transaction runs are written together by the next one.
 * Each start writes inside a savepoint of its own, so that one start failing rolls back only its
 * own writes and gets its own error.
 */
import { SQLiteTransaction } from 'drizzle-orm/sqlite-core';
import type { ReadDb, Tx } from '../../db/index.ts';
import { type Settled, groupCommit } from '../../db/group-commit.ts';

type Write = (tx: Tx) => Promise<unknown>;

const starts = groupCommit<Write, unknown>(async (tx, writes) => {
	const out: Settled<unknown>[] = [];
	for (const write of writes) {
		try {
			out.push({ ok: true, value: await tx.transaction((sp) => write(sp as Tx)) });
		} catch (error) {
			out.push({ ok: false, error });
		}
	}
	return out;
});

/** Runs one start's writes in the next shared transaction; resolves with what they return. */
export function startInGroup<T>(db: ReadDb, write: (tx: Tx) => Promise<T>): Promise<T> {
	// already inside a transaction (a caller's own): nothing to share
	if (db instanceof SQLiteTransaction) return write(db as Tx);
	return starts.join(db, write) as Promise<T>;
}

/** How many starts wait for the next transaction (for tests). */
export const waitingStarts = (db: ReadDb): number => starts.waiting(db);
