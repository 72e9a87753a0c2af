import type { Client } from '@libsql/client';
import { DatabaseBusyError } from '../errors.ts';
import { sqliteCodes } from './codes.ts';

/**
 * How long one attempt waits for another process's write lock. libsql's embedded driver waits
 * synchronously, so this is also how long the event loop can be held: keep it short and wait
 * again asynchronously (below) instead.
 */
export const BUSY_TIMEOUT_MS = 50;

/**
 * The pauses between attempts while the database stays locked: about 3 s in all, then the request
 * gets a 503 ("busy, try again") rather than waiting on. A roster import publishes in well under
 * 100 ms, so only a lock held by something unusual (a manual `BEGIN` in a shell, a stuck process)
 * outlasts them.
 */
export const BUSY_RETRY_DELAYS_MS = [10, 25, 50, 100, 200, 300, 500, 700, 1000];

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
	afterBusy: () => void = () => {}
): Promise<T> {
	for (let i = 0; ; i++) {
		try {
			return await attempt();
		} catch (e) {
			if (!isBusy(e)) throw e;
			afterBusy();
			const delay = delays[i];
			if (delay === undefined) throw new DatabaseBusyError(e);
			// jitter, so that two processes that collided once do not collide again in step
			await sleep(delay * (0.75 + Math.random() / 2));
		}
	}
}

/**
 * One client for the app made of two: reads (`execute`) go to `reads`, units of work that write
 * (`transaction`, `batch`, `migrate`, `executeMultiple`) to `writes`, and each is retried while
 * the database is busy. When they meet a busy database nothing has happened yet, so trying them
 * again is safe; statements inside a transaction already hold the write lock and are never busy.
 *
 * Why two: an embedded connection whose BEGIN IMMEDIATE failed with SQLITE_BUSY keeps that
 * statement pending, and its next read opens a snapshot that never closes (stale reads, then
 * SQLITE_BUSY_SNAPSHOT on every later write). The only cure within reach is to reconnect, which
 * closes every connection of a client — harmless for `writes`, whose transactions the app runs
 * one at a time (context.ts), but not for reads in flight. So writes get a client of their own.
 * For a libSQL server both are the same client and nothing is reconnected.
 */
export function retryingClient(
	reads: Client,
	writes: Client = reads,
	delays?: readonly number[],
	reconnect = writes !== reads
): Client {
	const afterBusy = reconnect ? () => writes.reconnect() : undefined;
	const retried = (target: Client, prop: string, after?: () => void) => {
		const method = (Reflect.get(target, prop, target) as (...args: unknown[]) => unknown).bind(
			target
		);
		return (...args: unknown[]) =>
			retryWhileBusy(() => method(...args) as Promise<unknown>, delays, after);
	};
	return new Proxy(reads, {
		get(target, prop) {
			if (prop === 'execute') return retried(reads, prop);
			if (prop === 'transaction' || prop === 'batch') return retried(writes, prop, afterBusy);
			if (prop === 'migrate' || prop === 'executeMultiple') {
				return (Reflect.get(writes, prop, writes) as (...args: unknown[]) => unknown).bind(writes);
			}
			if (prop === 'close') {
				return () => {
					writes.close();
					if (writes !== reads) reads.close();
				};
			}
			const value: unknown = Reflect.get(target, prop, target);
			return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
		}
	});
}

/**
 * A client of an embedded database used for write transactions only, one at a time (a connection
 * of its own for one unit of work, see publishing.ts): retried while busy and reconnected then,
 * as the app's `writes` are above.
 */
export function retryingWriter(client: Client): Client {
	return retryingClient(client, client, undefined, true);
}
