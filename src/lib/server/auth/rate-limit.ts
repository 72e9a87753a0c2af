import { isIPv6 } from 'node:net';
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { ReadDb, Tx } from '../db/index.ts';
import { loginThrottle } from '../db/schema/index.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * When failures lock a key, and for how long. Two shapes, after OWASP's authentication cheat
 * sheet: growing delays (the count goes on through the locks, each lock twice as long as the one
 * before, up to a cap) and a fixed ceiling (so many failures within the window lock the key, and
 * the count starts afresh after the lock).
 */
export interface ThrottlePolicy {
	/** Failures within the window that lock nothing. */
	free: number;
	/** The window, from the first failure counted. */
	windowMs: number;
	/** The lock after the n-th failure beyond the free ones (n = 1, 2, …). */
	lockMs: (n: number) => number;
	/** A fixed ceiling: the count starts afresh once it has locked the key. */
	resetOnLock: boolean;
}

const growing = (startMs: number, capMs: number) => (n: number) =>
	Math.min(startMs * 2 ** (n - 1), capMs);

/**
 * One account from one address: four free tries, then 1, 2, 4, 8 and at most 15 minutes between
 * tries, for a day. It slows a guesser down without letting anyone else lock the account.
 */
export const PAIR_POLICY: ThrottlePolicy = {
	free: 4,
	windowMs: 24 * HOUR,
	lockMs: growing(MINUTE, 15 * MINUTE),
	resetOnLock: false
};
/** One address, any names: generous enough for a shared office NAT, tight enough to stop spraying. */
export const ADDRESS_POLICY: ThrottlePolicy = {
	free: 29,
	windowMs: 15 * MINUTE,
	lockMs: () => 15 * MINUTE,
	resetOnLock: true
};
/**
 * One account, any addresses: the ceiling against guessing from many addresses (OWASP ASVS: no
 * more than 100 failed attempts per hour on one account). Browsers that logged in to the account
 * before are exempt, so reaching it does not keep the owner out.
 */
export const ACCOUNT_POLICY: ThrottlePolicy = {
	free: 99,
	windowMs: HOUR,
	lockMs: () => HOUR,
	resetOnLock: true
};
/** The current-password check of the change-password form, per user: as for a login pair. */
export const PASSWORD_CHANGE_POLICY: ThrottlePolicy = PAIR_POLICY;

/**
 * A study session's check-in code, per user: a few typos are free; guessing the six digits from
 * outside the room is slowed to uselessness (the code changes every 30 seconds).
 */
export const CHECKIN_POLICY: ThrottlePolicy = {
	free: 5,
	windowMs: HOUR,
	lockMs: growing(MINUTE, 15 * MINUTE),
	resetOnLock: false
};

/** What a key limits; recorded with a lock in the audit log. */
export type ThrottleScope =
	'pair' | 'address' | 'account' | 'password_change' | 'checkin' | 'verify' | 'api';

export interface ThrottleKey {
	key: string;
	scope: ThrottleScope;
	policy: ThrottlePolicy;
}

/**
 * A client address as the throttle keys count it. An IPv6 client is given a whole /64 (often a
 * /56 or more), and picks any address in it for each request: counted address by address, one
 * machine could guess, look certificates up and make the server hash passwords without limit.
 * So an IPv6 address counts as its /64, and an IPv4 address written as IPv6 (::ffff:10.0.0.1,
 * what a dual-stack socket reports) as itself.
 */
export function throttleAddress(address: string): string {
	const bare = address.replace(/%.*$/, '');
	const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
	if (mapped) return mapped[1]!;
	if (!isIPv6(bare)) return address;
	const [head = '', tail = ''] = bare.split('::');
	const groups = (part: string) =>
		part === '' ? [] : part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g]));
	const front = groups(head);
	const back = bare.includes('::') ? groups(tail) : [];
	const all = [...front, ...Array<string>(8 - front.length - back.length).fill('0'), ...back];
	return `${all
		.slice(0, 4)
		.map((g) => parseInt(g, 16).toString(16))
		.join(':')}::/64`;
}

/** A login name as the throttle keys (and trusted devices) spell it. */
export const accountKey = (username: string) => username.trim().toLowerCase();

/**
 * The keys of one login attempt. They use the account *name as typed* (normalised), not the user
 * id: a name that does not exist is limited exactly like one that does, so a lock reveals nothing
 * about which accounts exist.
 */
export function loginKeys(username: string, address: string): ThrottleKey[] {
	const name = accountKey(username);
	const from = throttleAddress(address);
	return [
		{ key: `pair:${name}|${from}`, scope: 'pair', policy: PAIR_POLICY },
		{ key: `address:${from}`, scope: 'address', policy: ADDRESS_POLICY },
		{ key: `account:${name}`, scope: 'account', policy: ACCOUNT_POLICY }
	];
}

/**
 * Lookups on the public certificate page, per address: every lookup counts, so that nobody can
 * walk the code space (a code has ≈ 74 random bits; this makes guessing hopeless, and scraping slow).
 */
export const VERIFY_POLICY: ThrottlePolicy = {
	free: 20,
	windowMs: 10 * MINUTE,
	lockMs: () => 10 * MINUTE,
	resetOnLock: true
};

/** The key of the certificate lookups from one address. */
export const verifyKey = (address: string): ThrottleKey => ({
	key: `verify:${throttleAddress(address)}`,
	scope: 'verify',
	policy: VERIFY_POLICY
});

/** The key of a user's change-password form. */
export const passwordChangeKey = (userId: number): ThrottleKey => ({
	key: `password:${userId}`,
	scope: 'password_change',
	policy: PASSWORD_CHANGE_POLICY
});

/** The key of a user's check-in attempts (all sessions). */
export const checkinKey = (userId: number): ThrottleKey => ({
	key: `checkin:${userId}`,
	scope: 'checkin',
	policy: CHECKIN_POLICY
});

/** Milliseconds until the longest lock among `keys` ends, or 0 when none is locked. */
export async function lockedFor(db: ReadDb, keys: ThrottleKey[], now: Date): Promise<number> {
	if (keys.length === 0) return 0;
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

/** A lock that a failure has just started. */
export interface NewLock {
	key: string;
	scope: ThrottleScope;
	ms: number;
}

/**
 * Counts one failure against every key and returns the locks it starts. Rows whose window ended
 * a day ago and that lock nothing are swept on the way, so names typed once do not pile up.
 */
export async function recordFailure(db: Tx, keys: ThrottleKey[], now: Date): Promise<NewLock[]> {
	const locks: NewLock[] = [];
	for (const { key, scope, policy } of keys) {
		const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
		const fresh = !row || now.getTime() - row.windowStart.getTime() > policy.windowMs;
		const failures = fresh ? 1 : row.failures + 1;
		const over = failures - policy.free;
		const lockMs = over > 0 ? policy.lockMs(over) : 0;
		if (lockMs > 0) locks.push({ key, scope, ms: lockMs });
		const next = {
			failures: lockMs > 0 && policy.resetOnLock ? 0 : failures,
			windowStart: fresh || (lockMs > 0 && policy.resetOnLock) ? now : row.windowStart,
			lockedUntil: lockMs > 0 ? new Date(now.getTime() + lockMs) : (row?.lockedUntil ?? null)
		};
		await db
			.insert(loginThrottle)
			.values({ key, ...next })
			.onConflictDoUpdate({ target: loginThrottle.key, set: next });
	}
	const stale = new Date(now.getTime() - 24 * HOUR - HOUR);
	await db
		.delete(loginThrottle)
		.where(
			and(
				lt(loginThrottle.windowStart, stale),
				or(isNull(loginThrottle.lockedUntil), lt(loginThrottle.lockedUntil, now))
			)
		);
	return locks;
}

/** A success clears a pair's count (never an address's or an account's ceiling). */
export async function clearFailures(db: Tx, key: string): Promise<void> {
	await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
