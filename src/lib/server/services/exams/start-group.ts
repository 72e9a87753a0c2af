/**
 * Group commit of exam starts, as ./save-group.ts does for answers. On exam day the roster starts
 * within seconds, and a process writes one transaction at a time (context.ts). So the starts that
 * arrive while a write transaction runs wait together and the next transaction writes all of
 * them, sharing its cost and its flush to disk. Each start writes inside a
 * savepoint of its own, so that one start failing rolls back only its own writes and gets its
 * own error; should the shared transaction fail as a whole, each is tried again alone (except when
 * the database stayed busy: then every start of the group gets the busy answer, "try again").
 */
import { SQLiteTransaction } from 'drizzle-orm/sqlite-core';
import { transact } from '../../context.ts';
import type { ReadDb, Tx } from '../../db/index.ts';
import { DatabaseBusyError } from '../../errors.ts';

type Write = (tx: Tx) => Promise<unknown>;

interface Waiting {
	write: Write;
	resolve: (value: unknown) => void;
	reject: (e: unknown) => void;
}

interface Group {
	waiting: Waiting[];
	/** A transaction is queued that will take everything waiting when it starts. */
	queued: boolean;
}

// per database handle: the app has one, the tests one per database
const groups = new WeakMap<ReadDb, Group>();

/** Runs one start's writes in the next shared transaction; resolves with what they return. */
export function startInGroup<T>(db: ReadDb, write: (tx: Tx) => Promise<T>): Promise<T> {
	// already inside a transaction (a caller's own): nothing to share
	if (db instanceof SQLiteTransaction) return write(db as Tx);
	return new Promise<T>((resolve, reject) => {
		let group = groups.get(db);
		if (!group) groups.set(db, (group = { waiting: [], queued: false }));
		group.waiting.push({ write, resolve: resolve as (v: unknown) => void, reject });
		if (!group.queued) {
			group.queued = true;
			void commitGroup(db, group);
		}
	});
}

/** How many starts wait for the next transaction (for tests). */
export function waitingStarts(db: ReadDb): number {
	return groups.get(db)?.waiting.length ?? 0;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

async function commitGroup(db: ReadDb, group: Group): Promise<void> {
	let taken: Waiting[] = [];
	try {
		const outcomes = await transact({ db }, async (ctx) => {
			// the write lock is ours: everything waiting now goes in; later arrivals queue the next one
			taken = group.waiting;
			group.waiting = [];
			group.queued = false;
			const out: Outcome[] = [];
			for (const w of taken) {
				try {
					out.push({ ok: true, value: await ctx.db.transaction((sp) => w.write(sp as Tx)) });
				} catch (error) {
					out.push({ ok: false, error });
				}
			}
			return out;
		});
		taken.forEach((w, i) => {
			const o = outcomes[i]!;
			if (o.ok) w.resolve(o.value);
			else w.reject(o.error);
		});
	} catch (e) {
		if (taken.length === 0) {
			// the transaction never began (the database stayed busy): nobody waiting can start now
			taken = group.waiting;
			group.waiting = [];
			group.queued = false;
		}
		if (taken.length === 1 || e instanceof DatabaseBusyError) {
			for (const w of taken) w.reject(e);
			return;
		}
		for (const w of taken)
			void transact({ db }, (ctx) => w.write(ctx.db)).then(w.resolve, w.reject);
	}
}
