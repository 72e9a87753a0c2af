import { inArray, sql } from 'drizzle-orm';
import type { ReadDb } from '../db/index.ts';
import { policySetting } from '../db/schema/index.ts';

/**
 * How long a session lasts, as policy settings with defaults (`policy_setting`): a session ends
 * after this long without use, and in any case this long after its login.
 */
export const SESSION_POLICY_DEFAULTS = {
	/** Minutes without a request after which a session ends. */
	'session.idleMinutes': 12 * 60,
	/** Hours after the login after which a session ends, however much it is used. */
	'session.lifetimeHours': 7 * 24
} as const;

type Key = keyof typeof SESSION_POLICY_DEFAULTS;
const KEYS = Object.keys(SESSION_POLICY_DEFAULTS) as Key[];

// a malformed setting must not lock everyone out, or keep sessions open for ever: ignore it
const RANGE: Record<Key, [number, number]> = {
	'session.idleMinutes': [5, 30 * 24 * 60],
	'session.lifetimeHours': [1, 365 * 24]
};

export interface SessionPolicy {
	idleMs: number;
	lifetimeMs: number;
}

function valueOf(key: Key, raw: unknown): number {
	const v = typeof raw === 'string' ? safeJson(raw) : raw;
	const [min, max] = RANGE[key];
	return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
		? v
		: SESSION_POLICY_DEFAULTS[key];
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** The policy from the stored values (parsed JSON, or the raw JSON text a subquery returns). */
export function sessionPolicyOf(idle: unknown, lifetime: unknown): SessionPolicy {
	return {
		idleMs: valueOf('session.idleMinutes', idle) * 60_000,
		lifetimeMs: valueOf('session.lifetimeHours', lifetime) * 3_600_000
	};
}

/** One setting as a scalar subquery, so that the session check reads it in its own SELECT. */
export const settingSql = (key: Key) =>
	sql<
		string | null
	>`(SELECT ${policySetting.value} FROM ${policySetting} WHERE ${policySetting.key} = ${key})`;

/** Reads the session policy (for a new session; the session check reads it in its own query). */
export async function sessionPolicy(db: ReadDb): Promise<SessionPolicy> {
	const rows = await db
		.select({ key: policySetting.key, value: policySetting.value })
		.from(policySetting)
		.where(inArray(policySetting.key, KEYS));
	const value = (key: Key) => rows.find((r) => r.key === key)?.value;
	return sessionPolicyOf(value('session.idleMinutes'), value('session.lifetimeHours'));
}

/**
 * When a session ends unless it is used again: the idle timeout from its last use, capped by
 * its absolute lifetime from the login.
 */
export function sessionEnd(s: { createdAt: Date; lastSeenAt: Date }, policy: SessionPolicy): Date {
	return new Date(
		Math.min(s.lastSeenAt.getTime() + policy.idleMs, s.createdAt.getTime() + policy.lifetimeMs)
	);
}
