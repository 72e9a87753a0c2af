/**
 * The gate's settings, their defaults, where each default comes from, and a check of a policy an
 * administrator saved.
 */
import type { Issue } from '../errors.ts';
import type { JsonValue } from '../audit/canonical.ts';
import type { PolicySettingInfo } from '../policy/sources.ts';
import { COUNT_FROM_POINTS, type CountFrom } from './case.ts';

/** Gate settings for one appointment route. */
export interface RouteGatePolicy {
	/** A passed pre-appointment exam for this case is required. */
	examRequired: boolean;
	/** Retakes allowed after a fail (1: one retake, so two attempts in all). */
	maxRetakes: number;
}

/** Exemption kinds the core has a name for; a policy may list others (lower-case `snake_case`). */
export const EXEMPTION_KINDS = ['legal_profession_qualification'] as const;

/** Whether the gate accepts one kind of exemption claim. */
export interface ExemptionRule {
	/** The kind, e.g. `legal_profession_qualification` (国家法律职业资格). */
	kind: string;
	/** Whether a claim of this kind, with its document, lets the case through without an exam. */
	allowed: boolean;
}

/** What a voided attempt (e.g. for cheating) means for retakes. */
export const VOIDED_ATTEMPT_EFFECTS = ['counts_as_fail', 'bars_until', 'bars_case'] as const;

/**
 * What a voided attempt means: `counts_as_fail` (uses up an attempt); `bars_until` (a fail, and no
 * attempt taken within `months` of it counts); `bars_case` (the case cannot reach appointment).
 */
export type VoidedAttemptRule =
	{ effect: 'counts_as_fail' } | { effect: 'bars_until'; months: number } | { effect: 'bars_case' };

/** Gate settings. */
export interface PromotionPolicy {
	/** Government-appointed posts (default: exam required, one retake). */
	government: RouteGatePolicy;
	/** Congress-appointed posts (default: no exam required here). */
	congress: RouteGatePolicy;
	/** Only leading posts are gated (default true). */
	leadingPostsOnly: boolean;
	/** The point of the case from which exams count (default `public_notice`). */
	countFrom: CountFrom;
	/** Exemption kinds and whether each is allowed. A claim of a kind not listed is refused. */
	exemptions: ExemptionRule[];
	/** What a voided attempt means for retakes (default `counts_as_fail`). */
	voidedAttempt: VoidedAttemptRule;
}

/** The default {@link PromotionPolicy}; {@link PROMOTION_POLICY_SETTINGS} says where each value comes from. */
export const DEFAULT_PROMOTION_POLICY: PromotionPolicy = {
	government: { examRequired: true, maxRetakes: 1 },
	congress: { examRequired: false, maxRetakes: 1 },
	leadingPostsOnly: true,
	countFrom: 'public_notice',
	exemptions: [{ kind: 'legal_profession_qualification', allowed: true }],
	voidedAttempt: { effect: 'counts_as_fail' }
};

const d = DEFAULT_PROMOTION_POLICY;
const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as JsonValue;

/** Every gate setting with its default and the source of that default, for the settings screen. */
export const PROMOTION_POLICY_SETTINGS: readonly PolicySettingInfo[] = [
	{
		key: 'promotion.countFrom',
		defaultValue: d.countFrom,
		source: 'local_choice',
		seeAlso: ['lianyungang_2013']
	},
	{
		key: 'promotion.government.examRequired',
		defaultValue: d.government.examRequired,
		source: 'lianyungang_2013',
		seeAlso: []
	},
	{
		key: 'promotion.government.maxRetakes',
		defaultValue: d.government.maxRetakes,
		source: 'lianyungang_2013',
		seeAlso: []
	},
	{
		key: 'promotion.congress.examRequired',
		defaultValue: d.congress.examRequired,
		source: 'lanzhou_2014',
		seeAlso: []
	},
	{
		key: 'promotion.congress.maxRetakes',
		defaultValue: d.congress.maxRetakes,
		source: 'local_choice',
		seeAlso: ['lianyungang_2013']
	},
	{
		key: 'promotion.leadingPostsOnly',
		defaultValue: d.leadingPostsOnly,
		source: 'local_choice',
		seeAlso: ['xiaoshan_2021']
	},
	{
		key: 'promotion.exemptions',
		defaultValue: plain(d.exemptions),
		source: 'xiaoshan_2021',
		seeAlso: []
	},
	{
		key: 'promotion.voidedAttempt',
		defaultValue: plain(d.voidedAttempt),
		source: 'local_choice',
		seeAlso: []
	}
];

/**
 * The problems of a gate policy, e.g. one read from saved settings: an unknown counting point or
 * voided-attempt effect, a retake count or bar that is not a whole number ≥ 0 (bar ≥ 1 month), an
 * exemption kind that is not `snake_case` or listed twice.
 *
 * @param policy - the policy
 * @returns the issues, with paths (empty when the policy is sound)
 * @example
 * validatePromotionPolicy({ ...DEFAULT_PROMOTION_POLICY, countFrom: 'appointment' as never });
 * // → [{ code: 'promotion.policy.count_from_unknown', path: 'countFrom', data: { countFrom: 'appointment' } }]
 */
export function validatePromotionPolicy(policy: PromotionPolicy): Issue[] {
	const issues: Issue[] = [];
	if (!(COUNT_FROM_POINTS as readonly string[]).includes(policy.countFrom))
		issues.push({
			code: 'promotion.policy.count_from_unknown',
			path: 'countFrom',
			data: { countFrom: policy.countFrom }
		});
	for (const route of ['government', 'congress'] as const) {
		const n = policy[route]?.maxRetakes;
		if (!Number.isSafeInteger(n) || n < 0)
			issues.push({
				code: 'promotion.policy.retakes_invalid',
				path: `${route}.maxRetakes`,
				data: { value: n }
			});
	}
	const rule = policy.voidedAttempt;
	if (!(VOIDED_ATTEMPT_EFFECTS as readonly string[]).includes(rule?.effect))
		issues.push({
			code: 'promotion.policy.void_effect_unknown',
			path: 'voidedAttempt.effect',
			data: { effect: rule?.effect }
		});
	else if (rule.effect === 'bars_until' && (!Number.isSafeInteger(rule.months) || rule.months < 1))
		issues.push({
			code: 'promotion.policy.bar_months_invalid',
			path: 'voidedAttempt.months',
			data: { value: rule.months }
		});
	const seen = new Set<string>();
	(policy.exemptions ?? []).forEach((e, i) => {
		if (!/^[a-z][a-z0-9_]*$/.test(e.kind))
			issues.push({
				code: 'promotion.policy.exemption_kind_invalid',
				path: `exemptions.${i}.kind`,
				data: { exemption: e.kind }
			});
		else if (seen.has(e.kind))
			issues.push({
				code: 'promotion.policy.exemption_duplicate',
				path: `exemptions.${i}.kind`,
				data: { exemption: e.kind }
			});
		seen.add(e.kind);
	});
	return issues;
}
