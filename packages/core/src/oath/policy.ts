/**
 * Who must take the constitutional oath, by appointing body, and by when: the oath settings, their
 * defaults and where each default comes from.
 */
import type { Issue } from '../errors.ts';
import type { PolicySettingInfo } from '../policy/sources.ts';
import type { Reason } from '../rule-result.ts';

/**
 * Appointing bodies. The NPCSC decision names the first six: people elected or appointed by the
 * people's congress or its standing committee, and people appointed by the government, the
 * supervisory commission, the court and the procuratorate. `party_committee` and `other` are not named.
 */
export const APPOINTING_BODIES = [
	'people_congress',
	'standing_committee',
	'government',
	'supervisory_commission',
	'court',
	'procuratorate',
	'party_committee',
	'other'
] as const;

/** One of {@link APPOINTING_BODIES}. */
export type AppointingBody = (typeof APPOINTING_BODIES)[number];

/** The oath deadline rule: N calendar days or N working days after the appointment. */
export interface OathDeadlinePolicy {
	/** N (default 30). */
	days: number;
	/** Calendar or working days (default calendar). */
	unit: 'calendar' | 'working';
}

/** The oath settings: who must swear, and the deadline after the appointment. */
export interface OathPolicy extends OathDeadlinePolicy {
	/** Whether people appointed by each body must take the oath. */
	mustSwear: Record<AppointingBody, boolean>;
}

/**
 * The default {@link OathPolicy}: the bodies the NPCSC decision names must swear, others need not;
 * within 30 calendar days (no source fixes a deadline: a local choice).
 */
export const DEFAULT_OATH_POLICY: OathPolicy = {
	days: 30,
	unit: 'calendar',
	mustSwear: {
		people_congress: true,
		standing_committee: true,
		government: true,
		supervisory_commission: true,
		court: true,
		procuratorate: true,
		party_committee: false,
		other: false
	}
};

/** Every oath setting with its default and the source of that default, for the settings screen. */
export const OATH_POLICY_SETTINGS: readonly PolicySettingInfo[] = [
	{
		key: 'oath.mustSwear',
		defaultValue: { ...DEFAULT_OATH_POLICY.mustSwear },
		source: 'npcsc_oath_decision_2018',
		seeAlso: []
	},
	{ key: 'oath.days', defaultValue: DEFAULT_OATH_POLICY.days, source: 'local_choice', seeAlso: [] },
	{ key: 'oath.unit', defaultValue: DEFAULT_OATH_POLICY.unit, source: 'local_choice', seeAlso: [] }
];

/** Whether an appointment calls for the oath, and why. */
export interface OathRequirement {
	/** True when the person must swear. */
	required: boolean;
	/** `oath.required`, `oath.not_required` or `oath.body_unknown` (treated as required), with `{ body }`. */
	reason: Reason;
}

/**
 * Whether people appointed by a body must take the oath under a policy. An unknown body is treated as
 * required (as is a body the policy does not list), so that a data error never silently drops
 * someone from the register.
 *
 * @param body - the appointing body
 * @param policy - the oath settings (default {@link DEFAULT_OATH_POLICY})
 * @returns whether the oath is required, with the reason
 * @example
 * oathRequirement('court').required; // → true
 * oathRequirement('party_committee').reason.code; // → 'oath.not_required'
 */
export function oathRequirement(
	body: AppointingBody,
	policy: Pick<OathPolicy, 'mustSwear'> = DEFAULT_OATH_POLICY
): OathRequirement {
	if (!(APPOINTING_BODIES as readonly string[]).includes(body))
		return { required: true, reason: { code: 'oath.body_unknown', data: { body } } };
	// only an explicit `false` exempts: a body missing from saved settings stays required
	return policy.mustSwear[body] === false
		? { required: false, reason: { code: 'oath.not_required', data: { body } } }
		: { required: true, reason: { code: 'oath.required', data: { body } } };
}

/** The longest oath deadline a policy may set, in days (a year: beyond it the register means little). */
export const OATH_DAYS_MAX = 366;

/**
 * The problems of an oath policy, e.g. one read from saved settings: a deadline that is not a whole
 * number of days from 1 to {@link OATH_DAYS_MAX}, a unit other than calendar or working days, an
 * appointing body the core does not know or whose value is not true or false.
 *
 * @param policy - the policy
 * @returns the issues, with paths (empty when the policy is sound)
 * @example
 * validateOathPolicy({ ...DEFAULT_OATH_POLICY, days: 0 });
 * // → [{ code: 'oath.policy.days_invalid', path: 'days', data: { value: 0, max: 366 } }]
 */
export function validateOathPolicy(policy: OathPolicy): Issue[] {
	const issues: Issue[] = [];
	const days = policy.days;
	if (!Number.isSafeInteger(days) || days < 1 || days > OATH_DAYS_MAX)
		issues.push({
			code: 'oath.policy.days_invalid',
			path: 'days',
			data: { value: days, max: OATH_DAYS_MAX }
		});
	if (policy.unit !== 'calendar' && policy.unit !== 'working')
		issues.push({ code: 'oath.policy.unit_unknown', path: 'unit', data: { unit: policy.unit } });
	const mustSwear: Record<string, unknown> =
		policy.mustSwear !== null && typeof policy.mustSwear === 'object' ? policy.mustSwear : {};
	for (const [body, value] of Object.entries(mustSwear)) {
		if (!(APPOINTING_BODIES as readonly string[]).includes(body))
			issues.push({ code: 'oath.policy.body_unknown', path: `mustSwear.${body}`, data: { body } });
		else if (typeof value !== 'boolean')
			issues.push({
				code: 'oath.policy.must_swear_invalid',
				path: `mustSwear.${body}`,
				data: { body }
			});
	}
	return issues;
}
