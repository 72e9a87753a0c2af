import type { Client } from '@libsql/client';
import { DatabaseBusyError } from '../errors.ts';
import { sqliteCodes } from './codes.ts';
import type { Turns } from './turns.ts';

/**
 * How long a read, or a statement of a transaction, waits for a lock held by another connection.
 * libsql's embedded driver waits synchronously, the event loop with it: keep it short, and wait
 * again asynchronously (below). Reads rarely wait at all (WAL: readers never wait for writers);
 * a write transaction's BEGIN never waits here (./driver.ts) but polls (below).
 */
export const BUSY_TIMEOUT_MS = 50;

/**
 * The pauses between attempts while the database stays locked: about 3 s in all, then the request
 * gets a 503 ("busy, try again") rather than waiting on. A roster import publishes in well under
 * 100 ms, so only a lock held by something unusual (a manual `BEGIN` in a shell, a stuck process)
 * outlasts them.
 */
export const BUSY_RETRY_DELAYS_MS = [10, 25, 50, 100, 200, 300, 500, 700, 1000];

/**
 * The pauses between attempts to begin a write transaction while another process holds the write
 * lock: every millisecond, for about three seconds. Another app process holds the lock for a
 * millisecond or two (a group of exam answers), and pauses two before its next transaction while
 * this one waits (./turns.ts): a failed BEGIN costs microseconds and blocks nothing, and a lock
 * released is taken within a millisecond, not at SQLite's next sleep (1, 2, 5, 10… ms).
 */
export const LOCK_POLL_DELAYS_MS: readonly number[] = Array<number>(2500).fill(1);

/** SQLITE_BUSY and its extended codes (busy recovery, busy snapshot, busy timeout). */
export function isBusy(e: unknown): boolean {
	return sqliteCodes(e).some((c) => c.startsWith('SQLITE_BUSY'));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` again while it fails because the database is busy, pausing without blocking the
 * event loop; gives up with a {@link DatabaseBusyError} after the last pause.
 */
export async function retryWhileBusy<T>(
	attempt: () => Promise<T>,
	delays: readonly number[] = BUSY_RETRY_DELAYS_MS,
	onBusy?: () => void
): Promise<T> {
	for (let i = 0; ; i++) {
		try {
			return await attempt();
		} catch (e) {
			if (!isBusy(e)) throw e;
			onBusy?.();
			const delay = delays[i];
			if (delay === undefined) throw new DatabaseBusyError(e);
			// jitter, so that two processes that collided once do not collide again in step
			await sleep(delay * (0.75 + Math.random() / 2));
		}
	}
}

/**
 * One client for the app made of two: reads (`execute`) go to `reads`, units of work that write
 * (`transaction`, `batch`, `migrate`, `executeMultiple`) to `writes`; transactions and batches are
 * retried while the database is busy — a write transaction's BEGIN polled finely
 * ({@link LOCK_POLL_DELAYS_MS}) — and start-up's migration waits its turn in ./migrate.ts.
 * When they meet a busy database nothing has happened yet, so trying them again is safe;
 * statements inside a transaction already hold the write lock and are never busy.
 *
 * Why two: the app runs its write transactions one at a time (context.ts) on a pool of their own,
 * so a read never waits for a connection a write holds. For a libSQL server both are the same
 * client.
 */
export function retryingClient(
	reads: Client,
	writes: Client = reads,
	options: {
		/** Pauses of reads (default {@link BUSY_RETRY_DELAYS_MS}), and of writes unless given below. */
		delays?: readonly number[];
		/** Pauses of a write transaction's BEGIN (default {@link LOCK_POLL_DELAYS_MS}). */
		lockDelays?: readonly number[];
		/** Turns at the write lock with other processes (./turns.ts), for an embedded file. */
		turns?: Turns;
		/** Run when the client is closed. */
		onClose?: () => void;
	} = {}
): Client {
	const { delays, lockDelays = delays ?? LOCK_POLL_DELAYS_MS, turns } = options;
	const bound = (target: Client, prop: string) =>
		(Reflect.get(target, prop, target) as (...args: unknown[]) => Promise<unknown>).bind(target);
	const reading = (prop: string) => {
		const method = bound(reads, prop);
		return (...args: unknown[]) => retryWhileBusy(() => method(...args), delays);
	};
	const writing = (prop: 'transaction' | 'batch') => {
		const method = bound(writes, prop);
		return async (...given: unknown[]) => {
			// always BEGIN IMMEDIATE, whose failure leaves nothing behind (./driver.ts): a deferred
			// transaction meets the lock at its first write, and that statement, pending, would keep
			// the connection on an old snapshot
			const args = [...given];
			const at = prop === 'transaction' ? 0 : 1;
			if (args[at] === undefined || args[at] === 'deferred') args[at] = 'write';
			await turns?.beforeBegin();
			try {
				return await retryWhileBusy(() => method(...args), lockDelays, turns?.waiting);
			} finally {
				turns?.done();
			}
		};
	};
	return new Proxy(reads, {
		get(target, prop) {
			if (prop === 'execute') return reading(prop);
			if (prop === 'transaction' || prop === 'batch') return writing(prop);
			if (prop === 'migrate' || prop === 'executeMultiple') {
				return (Reflect.get(writes, prop, writes) as (...args: unknown[]) => unknown).bind(writes);
			}
			if (prop === 'close') {
				return () => {
					turns?.close();
					options.onClose?.();
					writes.close();
					if (writes !== reads) reads.close();
				};
			}
			const value: unknown = Reflect.get(target, prop, target);
			return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
		}
	});
}
