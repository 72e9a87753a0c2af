/**
 * Policies as this installation sets them. Each policy is a core rule set (its defaults, the
 * `*_POLICY_SETTINGS` that describe each setting, and the core's validator): read from
 * `policy_setting` under the settings' keys, each stored value kept only when the core finds the
 * policy it makes sound (a malformed value means the default), saved in the caller's transaction
 * with one audit entry per policy that changed.
 */
import { inArray } from 'drizzle-orm';
import type { Issue, JsonValue, PolicySettingInfo } from '@xuefa/core';
import type { Ctx } from '../../context.ts';
import { issueFields } from '../../core-messages.ts';
import type { ReadDb, Tx } from '../../db/index.ts';
import { policySetting } from '../../db/schema/index.ts';
import { InvalidInputError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';

/** A policy: the core's defaults, setting descriptions and validator. */
export interface PolicyRule<P> {
	/** The first part of every setting key (`promotion`, `oath`, `certificate`). */
	name: string;
	defaults: P;
	settings: readonly PolicySettingInfo[];
	validate: (policy: P) => Issue[];
}

/** The path of a setting inside its policy: `promotion.government.maxRetakes` → government, maxRetakes. */
const pathOf = (key: string) => key.split('.').slice(1);

/** The form (and audit) field of a setting: the path in camel case (`governmentMaxRetakes`). */
export const fieldOf = (key: string) =>
	pathOf(key)
		.map((p, i) => (i === 0 ? p : p[0]!.toUpperCase() + p.slice(1)))
		.join('');

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** A setting's value inside a policy. */
export function valueAt(policy: unknown, key: string): JsonValue {
	return pathOf(key).reduce<unknown>(
		(v, k) => (v as Record<string, unknown>)[k],
		policy
	) as JsonValue;
}

function withValue<P>(policy: P, key: string, value: unknown): P {
	const out = clone(policy);
	const path = pathOf(key);
	const parent = path
		.slice(0, -1)
		.reduce<Record<string, unknown>>((v, k) => v[k] as Record<string, unknown>, out as never);
	parent[path.at(-1)!] = value;
	return out;
}

const kindOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

/** A stored value has the setting's shape; a setting whose default is "none" (null) takes an object. */
const sameKind = (stored: unknown, byDefault: unknown) =>
	kindOf(stored) === kindOf(byDefault) ||
	(byDefault === null && kindOf(stored) === 'object') ||
	(stored === null && kindOf(byDefault) === 'object');

/** The policy in force: the defaults, with every stored setting the core finds sound. */
export async function readPolicy<P>(db: ReadDb, rule: PolicyRule<P>): Promise<P> {
	const rows = await db
		.select({ key: policySetting.key, value: policySetting.value })
		.from(policySetting)
		.where(
			inArray(
				policySetting.key,
				rule.settings.map((s) => s.key)
			)
		);
	let policy = clone(rule.defaults);
	for (const s of rule.settings) {
		const row = rows.find((r) => r.key === s.key);
		if (!row || !sameKind(row.value, s.defaultValue)) continue;
		const candidate = withValue(policy, s.key, row.value);
		if (rule.validate(candidate).length === 0) policy = candidate;
	}
	return policy;
}

/**
 * Refuses policies the core finds unsound, each issue under the form field `fieldOfIssue` names
 * (from the issue's path inside the policy).
 */
export function refuseUnsound(issues: readonly Issue[], fieldOfIssue: (path: string) => string) {
	if (issues.length > 0) throw new InvalidInputError(issueFields(issues, fieldOfIssue));
}

/** One policy before and after a save. */
export interface PolicyChange<P> {
	rule: PolicyRule<P>;
	current: P;
	next: P;
}

/**
 * Stores every setting that changed, within the caller's transaction, and appends one audit entry
 * per policy that changed (the fields before and after). Returns how many settings changed.
 */
export async function writePolicies(
	tx: Ctx & { db: Tx },
	changes: readonly PolicyChange<unknown>[]
): Promise<number> {
	let changed = 0;
	for (const { rule, current, next } of changes) {
		const before: Record<string, JsonValue> = {};
		const after: Record<string, JsonValue> = {};
		for (const s of rule.settings) {
			const value = valueAt(next, s.key);
			const old = valueAt(current, s.key);
			if (JSON.stringify(value) === JSON.stringify(old)) continue;
			before[fieldOf(s.key)] = old;
			after[fieldOf(s.key)] = value;
			await tx.db
				.insert(policySetting)
				.values({ key: s.key, value, updatedAt: tx.now, updatedBy: tx.user.id })
				.onConflictDoUpdate({
					target: policySetting.key,
					set: { value, updatedAt: tx.now, updatedBy: tx.user.id }
				});
		}
		if (Object.keys(after).length === 0) continue;
		changed += Object.keys(after).length;
		await appendAudit(tx, {
			action: 'policy.updated',
			entityType: 'policy_setting',
			entityId: rule.name,
			before,
			after
		});
	}
	return changed;
}
