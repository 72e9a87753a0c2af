/**
 * The gate and oath policies as this installation sets them: read from `policy_setting` under the
 * keys of the core's `*_POLICY_SETTINGS`, each stored value kept only when the core finds the policy
 * it makes sound (a malformed value means the default); saved together, audited.
 */
import { inArray } from 'drizzle-orm';
import {
	DEFAULT_OATH_POLICY,
	DEFAULT_PROMOTION_POLICY,
	EXEMPTION_KINDS,
	OATH_POLICY_SETTINGS,
	PROMOTION_POLICY_SETTINGS,
	type Issue,
	type JsonValue,
	type OathPolicy,
	type PolicySettingInfo,
	type PromotionPolicy,
	validateOathPolicy,
	validatePromotionPolicy
} from '@xuefa/core';
import { t } from '$lib/i18n.ts';
import type { PolicyInput } from '$lib/schemas/hr-policy.ts';
import { authorizeAnywhere } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import { policySetting } from '../../db/schema/index.ts';
import { coreMessage } from '../../core-messages.ts';
import { InvalidInputError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';

interface Rule<P> {
	name: 'promotion' | 'oath';
	defaults: P;
	settings: readonly PolicySettingInfo[];
	validate: (policy: P) => Issue[];
}

const PROMOTION: Rule<PromotionPolicy> = {
	name: 'promotion',
	defaults: DEFAULT_PROMOTION_POLICY,
	settings: PROMOTION_POLICY_SETTINGS,
	validate: validatePromotionPolicy
};
const OATH: Rule<OathPolicy> = {
	name: 'oath',
	defaults: DEFAULT_OATH_POLICY,
	settings: OATH_POLICY_SETTINGS,
	validate: validateOathPolicy
};

/** The path of a setting inside its policy: `promotion.government.maxRetakes` → government, maxRetakes. */
const pathOf = (key: string) => key.split('.').slice(1);

/** The form (and audit) field of a setting: the path in camel case (`governmentMaxRetakes`). */
export const fieldOf = (key: string) =>
	pathOf(key)
		.map((p, i) => (i === 0 ? p : p[0]!.toUpperCase() + p.slice(1)))
		.join('');

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function valueAt(policy: unknown, key: string): JsonValue {
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

async function readPolicy<P>(db: ReadDb, rule: Rule<P>): Promise<P> {
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
		if (!row || kindOf(row.value) !== kindOf(s.defaultValue)) continue;
		const candidate = withValue(policy, s.key, row.value);
		if (rule.validate(candidate).length === 0) policy = candidate;
	}
	return policy;
}

/** The gate policy in force (defaults where nothing sound is stored). */
export const readPromotionPolicy = (db: ReadDb) => readPolicy(db, PROMOTION);

/** The oath policy in force. */
export const readOathPolicy = (db: ReadDb) => readPolicy(db, OATH);

/** The policies the form describes, over the current ones (exemption kinds not ticked are refused). */
function fromInput(input: PolicyInput, current: PromotionPolicy) {
	const kinds = [...new Set([...EXEMPTION_KINDS, ...current.exemptions.map((e) => e.kind)])];
	const promotion: PromotionPolicy = {
		countFrom: input.countFrom,
		government: {
			examRequired: input.governmentExamRequired,
			maxRetakes: input.governmentMaxRetakes
		},
		congress: { examRequired: input.congressExamRequired, maxRetakes: input.congressMaxRetakes },
		leadingPostsOnly: input.leadingPostsOnly,
		exemptions: kinds.map((kind) => ({ kind, allowed: input.exemptions.includes(kind) })),
		voidedAttempt:
			input.voidedAttempt === 'bars_until'
				? { effect: 'bars_until', months: input.voidMonths ?? 0 }
				: { effect: input.voidedAttempt }
	};
	const oath: OathPolicy = {
		days: input.days,
		unit: input.unit,
		mustSwear: Object.fromEntries(
			Object.keys(DEFAULT_OATH_POLICY.mustSwear).map((b) => [
				b,
				input.mustSwear.includes(b as never)
			])
		) as OathPolicy['mustSwear']
	};
	return { promotion, oath };
}

/** The form field a core issue belongs to (`government.maxRetakes` → `governmentMaxRetakes`). */
function fieldOfIssue(path: string): string {
	if (path === 'voidedAttempt.months') return 'voidMonths';
	const [first, ...rest] = path.split('.');
	if (first === 'exemptions' || first === 'mustSwear' || first === 'voidedAttempt') return first;
	return fieldOf(`x.${[first, ...rest].join('.')}`);
}

/**
 * Saves both policies from the settings form, after the core found each sound: every setting under
 * its key, in one transaction, with one audit entry per policy that changed (the fields before and
 * after).
 */
export async function savePolicies(ctx: Ctx, input: PolicyInput): Promise<number> {
	authorizeAnywhere(ctx, 'policy.manage');
	const current = {
		promotion: await readPromotionPolicy(ctx.db),
		oath: await readOathPolicy(ctx.db)
	};
	const next = fromInput(input, current.promotion);
	const issues = [...PROMOTION.validate(next.promotion), ...OATH.validate(next.oath)];
	if (issues.length > 0) {
		const fields: Record<string, string[]> = {};
		for (const i of issues)
			(fields[fieldOfIssue(i.path ?? '')] ??= []).push(coreMessage(i.code, i.data ?? {}));
		throw new InvalidInputError(fields, 'error_invalid_input');
	}
	return transact(ctx, async (tx) => {
		let changed = 0;
		for (const rule of [PROMOTION, OATH] as unknown as Rule<unknown>[]) {
			const before: Record<string, JsonValue> = {};
			const after: Record<string, JsonValue> = {};
			for (const s of rule.settings) {
				const value = valueAt(next[rule.name], s.key);
				const old = valueAt(current[rule.name], s.key);
				if (JSON.stringify(value) === JSON.stringify(old)) continue;
				before[fieldOf(s.key)] = old;
				after[fieldOf(s.key)] = value;
				await tx.db
					.insert(policySetting)
					.values({ key: s.key, value, updatedAt: ctx.now, updatedBy: ctx.user.id })
					.onConflictDoUpdate({
						target: policySetting.key,
						set: { value, updatedAt: ctx.now, updatedBy: ctx.user.id }
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
	});
}

/** One setting as the settings screen shows it: label, why, source, default and current value. */
export interface SettingView {
	key: string;
	field: string;
	label: string;
	basis: string;
	source: { id: string; name: string; says: string | null };
	seeAlso: { name: string; says: string }[];
	defaultText: string;
	value: JsonValue;
	changed: boolean;
}

/** A setting's value in words, in the reader's language. */
export function settingText(key: string, value: JsonValue): string {
	const yes = t('common_yes');
	const no = t('common_no');
	if (typeof value === 'boolean') return value ? yes : no;
	if (key === 'promotion.countFrom') return coreMessage(`promotion.count_from.${String(value)}`);
	if (key === 'oath.unit') return coreMessage(`oath.unit.${String(value)}`);
	if (key === 'promotion.voidedAttempt') {
		const v = value as { effect: string; months?: number };
		const text = coreMessage(`promotion.void_effect.${v.effect}`);
		return v.months ? t('hr_policy_void_months', { text, months: v.months }) : text;
	}
	if (key === 'promotion.exemptions')
		return (value as { kind: string; allowed: boolean }[])
			.map((e) => `${coreMessage(`promotion.exemption.${e.kind}`)}：${e.allowed ? yes : no}`)
			.join(t('audit_list_separator'));
	if (key === 'oath.mustSwear')
		return Object.entries(value as Record<string, boolean>)
			.filter(([, must]) => must)
			.map(([body]) => coreMessage(`oath.body.${body}`))
			.join(t('audit_list_separator'));
	return String(value);
}

/** Both policies for the settings screen, each setting with its default and where that comes from. */
export async function policyScreen(ctx: Ctx) {
	authorizeAnywhere(ctx, 'policy.manage');
	const promotion = await readPromotionPolicy(ctx.db);
	const oath = await readOathPolicy(ctx.db);
	const says = (id: string) => {
		const text = coreMessage(`policy.source.${id}.says`);
		return text === `policy.source.${id}.says` ? null : text;
	};
	const view = (policy: unknown, s: PolicySettingInfo): SettingView => {
		const value = valueAt(policy, s.key);
		return {
			key: s.key,
			field: fieldOf(s.key),
			label: coreMessage(`policy.setting.${s.key}`),
			basis: coreMessage(`policy.basis.${s.key}`),
			source: {
				id: s.source,
				name: coreMessage(`policy.source.${s.source}`),
				says: says(s.source)
			},
			seeAlso: s.seeAlso.map((id) => ({
				name: coreMessage(`policy.source.${id}`),
				says: says(id) ?? ''
			})),
			defaultText: settingText(s.key, s.defaultValue),
			value,
			changed: JSON.stringify(value) !== JSON.stringify(s.defaultValue)
		};
	};
	return {
		promotion: PROMOTION_POLICY_SETTINGS.map((s) => view(promotion, s)),
		oath: OATH_POLICY_SETTINGS.map((s) => view(oath, s)),
		exemptionKinds: promotion.exemptions.map((e) => ({
			kind: e.kind,
			label: coreMessage(`promotion.exemption.${e.kind}`),
			allowed: e.allowed
		})),
		policy: { promotion, oath }
	};
}
