import { eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.ts';
import { loginThrottle } from '../db/schema/index.ts';

/** How many failures within the window lock a key, and for how long. */
export interface ThrottlePolicy {
	maxFailures: number;
	windowMs: number;
	lockMs: number;
}

const MINUTE = 60_000;

/** Per account name: five wrong passwords in 15 minutes lock the name for 15 minutes. */
export const ACCOUNT_POLICY: ThrottlePolicy = {
	maxFailures: 5,
	windowMs: 15 * MINUTE,
	lockMs: 15 * MINUTE
};
/** Per address: generous enough for a shared office NAT, tight enough to stop password spraying. */
export const ADDRESS_POLICY: ThrottlePolicy = {
	maxFailures: 30,
	windowMs: 15 * MINUTE,
	lockMs: 15 * MINUTE
};

export interface ThrottleKey {
	key: string;
	policy: ThrottlePolicy;
}

/**
 * Keys are the account *name as typed* (normalised), not the user id: a name that does not exist
 * locks exactly like one that does, so the lock message reveals nothing about which accounts exist.
 */
export function throttleKeys(username: string, address: string): ThrottleKey[] {
	return [
		{ key: `account:${username.trim().toLowerCase()}`, policy: ACCOUNT_POLICY },
		{ key: `address:${address}`, policy: ADDRESS_POLICY }
	];
}

/** Milliseconds until the longest lock among `keys` ends, or 0 when none is locked. */
export async function lockedFor(db: DbOrTx, keys: ThrottleKey[], now: Date): Promise<number> {
	const rows = await db
		.select()
		.from(loginThrottle)
		.where(
			inArray(
				loginThrottle.key,
				keys.map((k) => k.key)
			)
		);
	let wait = 0;
	for (const row of rows) {
		if (row.lockedUntil && row.lockedUntil.getTime() > now.getTime()) {
			wait = Math.max(wait, row.lockedUntil.getTime() - now.getTime());
		}
	}
	return wait;
}

/** Counts one failure against every key, locking those that reach their limit. */
export async function recordFailure(db: DbOrTx, keys: ThrottleKey[], now: Date): Promise<void> {
	for (const { key, policy } of keys) {
		const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
		const fresh = !row || now.getTime() - row.windowStart.getTime() > policy.windowMs;
		const failures = fresh ? 1 : row.failures + 1;
		const windowStart = fresh ? now : row.windowStart;
		const lockedUntil =
			failures >= policy.maxFailures
				? new Date(now.getTime() + policy.lockMs)
				: (row?.lockedUntil ?? null);
		// a lock starts a new window, so the count after it begins at zero again
		const next =
			failures >= policy.maxFailures
				? { failures: 0, windowStart: now, lockedUntil }
				: { failures, windowStart, lockedUntil };
		await db
			.insert(loginThrottle)
			.values({ key, ...next })
			.onConflictDoUpdate({ target: loginThrottle.key, set: next });
	}
}

/** Takes back one counted attempt (a successful login at a shared address), never below zero. */
export async function forgiveOne(db: DbOrTx, key: string): Promise<void> {
	await db
		.update(loginThrottle)
		.set({ failures: sql`max(${loginThrottle.failures} - 1, 0)` })
		.where(eq(loginThrottle.key, key));
}

/** A successful login clears the account's count (never the address's). */
export async function clearFailures(db: DbOrTx, key: string): Promise<void> {
	await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
