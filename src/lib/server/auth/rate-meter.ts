/**
 * Request rates of things that are used, not guessed: a calendar feed fetched, an exam's answers
 * saved. Unlike the failure counts of rate-limit.ts, every use counts, so a meter must cost next to
 * nothing: one timestamp per key in the throttle table (rows of other processes count too), read
 * with the lookup the request makes anyway and advanced by one statement in a write the request
 * makes anyway. A refused request writes nothing.
 *
 * The timestamp is GCRA's "theoretical arrival time" (the cell rate algorithm of ATM networks, as
 * in redis-cell): each use pushes it `intervalMs × weight` on from now or from where it stood,
 * whichever is later, and a use is allowed while it lies no more than `(burst − 1) × intervalMs`
 * ahead. So `burst` uses may come at once, then one per interval; an idle key refills by itself
 * and needs no sweeping to reopen (rate-limit.ts's sweep removes rows a day stale).
 */
import { type Column, type SQL, eq, sql } from 'drizzle-orm';
import { write } from '../context.ts';
import type { ReadDb } from '../db/index.ts';
import { loginThrottle } from '../db/schema/index.ts';
import { RateLimitedError } from '../errors.ts';

export interface RatePolicy {
	/** Uses allowed at once, from an idle key. */
	burst: number;
	/** Then one use per this many milliseconds. */
	intervalMs: number;
}

/**
 * A calendar feed (per feed): calendar apps poll every quarter of an hour or less often; a phone,
 * a laptop and a few refreshes by hand fit the burst. A leaked address fetched in a loop gets
 * three feeds a minute.
 */
export const FEED_RATE: RatePolicy = { burst: 30, intervalMs: 20_000 };

/**
 * An exam attempt's answer saves, weighed by the answers in a request. The page sends one request
 * at a time, each a handful of answers; coming back online it sends every queued answer in one
 * request (up to a whole paper). The burst covers such a flush by two tabs with room to spare, and
 * five answers a second, without end, is more than anyone answers; a script flooding saves is
 * held to that.
 */
export const SAVE_RATE: RatePolicy = { burst: 500, intervalMs: 200 };

/**
 * The question editors' live Markdown preview (per person): the editor asks for one a third of a
 * second after typing stops, so a minute of brisk editing fits the burst, and two a second, without
 * end, is more than typing needs. A script flooding the renderer is held to that.
 */
export const PREVIEW_RATE: RatePolicy = { burst: 120, intervalMs: 500 };

/**
 * A meter's key as SQL: of a row's id (a column, to join on) or of a known id. The text is made
 * here, not in SQL: a number bound as a parameter may reach SQLite as a real, `1.0`.
 */
const meterKey =
	(kind: string) =>
	(id: Column | number): SQL =>
		typeof id === 'number' ? sql`${`${kind}:${id}`}` : sql`${`${kind}:`} || ${id}`;

/** The meter of a calendar feed. */
export const feedMeterKey = meterKey('feed');

/** The meter of an exam attempt's saves. */
export const saveMeterKey = meterKey('save');

/** The meter of a person's Markdown previews. */
export const previewMeterKey = meterKey('preview');

/** The meter's reading, for a select that left-joins the throttle row on its key. */
export const meterReading = loginThrottle.windowStart;

/**
 * Milliseconds until a key whose meter reads `reading` (null: never used, or swept) may be used
 * `weight` times at once (counted as a whole burst at most: a use weighing more would never
 * pass); 0 while it may be used now.
 */
export function meterWait(
	reading: Date | number | null,
	now: Date,
	policy: RatePolicy,
	weight = 1
): number {
	const ahead = reading === null ? 0 : Math.max(0, Number(reading) - now.getTime());
	return Math.max(0, ahead + (meterWeight(weight, policy) - policy.burst) * policy.intervalMs);
}

/** A use's weight as the meter counts it: at least one, at most a whole burst. */
const meterWeight = (weight: number, policy: RatePolicy): number =>
	Math.min(Math.max(1, weight), policy.burst);

/** Seconds to tell a client to wait (Retry-After), at least one. */
export const waitSeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/**
 * One statement that counts `weight` uses of each key at `at` (ms; the meter's reading, when it is
 * known to be later): to be run inside a write the request makes anyway. A key's weight rides in
 * `failures`, which sums the uses counted.
 */
export function advanceMeters(
	uses: readonly { key: SQL; weight: number; at: number }[],
	policy: RatePolicy
): SQL {
	const rows = uses.map((u) => {
		const weight = meterWeight(u.weight, policy);
		return sql`(${u.key}, ${weight}, ${u.at + weight * policy.intervalMs})`;
	});
	return sql`
		INSERT INTO ${loginThrottle} (key, failures, window_start)
		VALUES ${sql.join(rows, sql`, `)}
		ON CONFLICT (key) DO UPDATE SET
			failures = failures + excluded.failures,
			window_start = max(window_start + excluded.failures * ${policy.intervalMs}, excluded.window_start)`;
}

/**
 * Counts one use of the meter `key` at `now`, for a request that reads and writes nothing else: its
 * reading looked up, then advanced. Two uses at once may both pass the last allowed one; the
 * next is refused all the same.
 *
 * @throws RateLimitedError (`messageKey`, seconds to wait) past the policy's rate; nothing is
 *   written then
 */
export async function useMeter(
	db: ReadDb,
	key: SQL,
	policy: RatePolicy,
	now: Date,
	messageKey: string
): Promise<void> {
	const [row] = await db
		.select({ reading: meterReading })
		.from(loginThrottle)
		.where(eq(loginThrottle.key, key));
	const wait = meterWait(row?.reading ?? null, now, policy);
	if (wait > 0) throw new RateLimitedError(messageKey, { seconds: waitSeconds(wait) });
	await write(db, (tx) => tx.run(advanceMeters([{ key, weight: 1, at: now.getTime() }], policy)));
}
