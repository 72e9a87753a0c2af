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

// The calls that start a unit of work (a statement, a batch, a transaction's BEGIN IMMEDIATE):
// when they meet a busy database nothing has happened yet, so trying them again is safe.
// Statements inside a transaction already hold the write lock and are never busy.
const RETRIED = new Set<PropertyKey>(['execute', 'batch', 'transaction']);

/**
 * The client, with every unit of work retried while the database is busy.
 *
 * An embedded connection whose BEGIN IMMEDIATE (or autocommit write) failed with SQLITE_BUSY keeps
 * that statement pending: its next read opens a snapshot that never closes (stale reads, then
 * SQLITE_BUSY_SNAPSHOT on every later write). Reconnecting closes the pool's idle connections —
 * the failed one among them — so the retry and everything after it get fresh ones.
 */
export function retryingClient(client: Client, delays?: readonly number[]): Client {
	const afterBusy = client.protocol === 'file' ? () => client.reconnect() : undefined;
	return new Proxy(client, {
		get(target, prop) {
			const value: unknown = Reflect.get(target, prop, target);
			if (typeof value !== 'function') return value;
			const method = (value as (...args: unknown[]) => unknown).bind(target);
			if (!RETRIED.has(prop)) return method;
			return (...args: unknown[]) =>
				retryWhileBusy(() => method(...args) as Promise<unknown>, delays, afterBusy);
		}
	});
}
