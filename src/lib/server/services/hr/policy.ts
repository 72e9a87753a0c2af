/**
 * The gate and oath policies as this installation sets them (see `../policy/rules.ts`): saved
 * together from HR's settings screen.
 */
import {
	DEFAULT_OATH_POLICY,
	DEFAULT_PROMOTION_POLICY,
	EXEMPTION_KINDS,
	OATH_POLICY_SETTINGS,
	PROMOTION_POLICY_SETTINGS,
	type JsonValue,
	type OathPolicy,
	type PromotionPolicy,
	validateOathPolicy,
	validatePromotionPolicy
} from '@xuefa/core';
import { t } from '$lib/i18n.ts';
import { voidEffectText } from '$lib/labels/hr.ts';
import type { PolicyInput } from '$lib/schemas/hr-policy.ts';
import { authorizeAnywhere } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import { coreMessage } from '../../core-messages.ts';
import {
	fieldOf,
	type PolicyChange,
	type PolicyRule,
	readPolicy,
	refuseUnsound,
	writePolicies
} from '../policy/rules.ts';
import { settingViews } from '../policy/setting-view.ts';

const PROMOTION: PolicyRule<PromotionPolicy> = {
	name: 'promotion',
	defaults: DEFAULT_PROMOTION_POLICY,
	settings: PROMOTION_POLICY_SETTINGS,
	validate: validatePromotionPolicy
};
const OATH: PolicyRule<OathPolicy> = {
	name: 'oath',
	defaults: DEFAULT_OATH_POLICY,
	settings: OATH_POLICY_SETTINGS,
	validate: validateOathPolicy
};

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
	refuseUnsound([...PROMOTION.validate(next.promotion), ...OATH.validate(next.oath)], fieldOfIssue);
	return transact(ctx, (tx) =>
		writePolicies(tx, [
			{ rule: PROMOTION, current: current.promotion, next: next.promotion },
			{ rule: OATH, current: current.oath, next: next.oath }
		] as PolicyChange<unknown>[])
	);
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
		return voidEffectText(text, v.months);
	}
	if (key === 'promotion.exemptions')
		return (value as { kind: string; allowed: boolean }[])
			.map(
				(e) =>
					`${t('common_label', { label: coreMessage(`promotion.exemption.${e.kind}`) })}${e.allowed ? yes : no}`
			)
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
	return {
		promotion: settingViews(promotion, PROMOTION_POLICY_SETTINGS, settingText),
		oath: settingViews(oath, OATH_POLICY_SETTINGS, settingText),
		exemptionKinds: promotion.exemptions.map((e) => ({
			kind: e.kind,
			label: coreMessage(`promotion.exemption.${e.kind}`),
			allowed: e.allowed
		})),
		policy: { promotion, oath }
	};
}
