/**
 * Group commit: many requests' writes in one transaction. A process writes one transaction at a
 * time (context.ts), each with its bookkeeping, and every write is acknowledged only once on disk
 * (./wal-sync.ts). So on exam day, when the roster starts within seconds and saves an answer every
 * few, the writes that arrive while a write transaction runs are not queued one transaction each:
 * they wait together, and the next transaction writes all of them, sharing its cost and its flush.
 *
 * Each request still gets its own outcome. Should the shared transaction fail as a whole, each is
 * tried again in a transaction of its own, except when the database stayed busy: then every
 * request of the group gets the busy answer, "try again".
 */
import { transact } from '../context.ts';
import { DatabaseBusyError } from '../errors.ts';
import type { ReadDb, Tx } from './index.ts';

/** One request's outcome inside a shared transaction: what it returned, or what it threw. */
export type Settled<O> = { ok: true; value: O } | { ok: false; error: unknown };

/** A kind of write that shares transactions (see above). */
export interface GroupCommit<I, O> {
	/** Writes `item` with whatever else waits now; resolves with its outcome, or rejects with its error. */
	join(db: ReadDb, item: I): Promise<O>;
	/** How many items wait for the next transaction (for tests). */
	waiting(db: ReadDb): number;
}

interface Waiting<I, O> {
	item: I;
	resolve: (value: O) => void;
	reject: (e: unknown) => void;
}

interface Group<I, O> {
	waiting: Waiting<I, O>[];
	/** A transaction is queued that will take everything waiting when it starts. */
	queued: boolean;
}

/**
 * A group commit whose transactions `writeAll` writes: every item given, in order, inside the
 * transaction, with one outcome per item. An item's failure it settles as `{ ok: false }` must have
 * left nothing of that item behind (a savepoint, or a check before writing).
 */
export function groupCommit<I, O>(
	writeAll: (tx: Tx, items: readonly I[]) => Promise<Settled<O>[]>
): GroupCommit<I, O> {
	// per database handle: the app has one, the tests one per database
	const groups = new WeakMap<ReadDb, Group<I, O>>();

	const settle = (w: Waiting<I, O>, o: Settled<O>) =>
		o.ok ? w.resolve(o.value) : w.reject(o.error);

	async function commit(db: ReadDb, group: Group<I, O>): Promise<void> {
		let taken: Waiting<I, O>[] = [];
		try {
			const outcomes = await transact({ db }, (ctx) => {
				// the write lock is ours: everything waiting now goes in; later arrivals queue the next
				taken = group.waiting;
				group.waiting = [];
				group.queued = false;
				return writeAll(
					ctx.db,
					taken.map((w) => w.item)
				);
			});
			taken.forEach((w, i) => settle(w, outcomes[i]!));
		} catch (e) {
			if (taken.length === 0) {
				// the transaction never began (the database stayed busy): nobody waiting can write now
				taken = group.waiting;
				group.waiting = [];
				group.queued = false;
			}
			if (taken.length === 1 || e instanceof DatabaseBusyError) {
				for (const w of taken) w.reject(e);
				return;
			}
			for (const w of taken)
				void transact({ db }, (ctx) => writeAll(ctx.db, [w.item])).then(
					([outcome]) => settle(w, outcome!),
					w.reject
				);
		}
	}

	return {
		join(db, item) {
			return new Promise<O>((resolve, reject) => {
				let group = groups.get(db);
				if (!group) groups.set(db, (group = { waiting: [], queued: false }));
				group.waiting.push({ item, resolve, reject });
				if (!group.queued) {
					group.queued = true;
					void commit(db, group);
				}
			});
		},
		waiting: (db) => groups.get(db)?.waiting.length ?? 0
	};
}
