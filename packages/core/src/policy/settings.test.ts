import { describe, expect, it } from 'vitest';
import {
	APPOINTING_BODIES,
	CERTIFICATE_POLICY_SETTINGS,
	CORE_MESSAGES,
	COUNT_FROM_POINTS,
	EXEMPTION_KINDS,
	VOIDED_ATTEMPT_EFFECTS,
	DEFAULT_CERTIFICATE_POLICY,
	DEFAULT_OATH_POLICY,
	DEFAULT_PROMOTION_POLICY,
	LOCALES,
	OATH_POLICY_SETTINGS,
	POLICY_SOURCES,
	PROMOTION_POLICY_SETTINGS,
	messageFor,
	type PolicySettingInfo
} from '../index.ts';

/** Every leaf path of a settings object (arrays are leaves). */
function leaves(value: unknown, prefix: string): string[] {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
	return Object.entries(value).flatMap(([k, v]) => leaves(v, `${prefix}.${k}`));
}

function at(value: unknown, path: string[]): unknown {
	return path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], value);
}

const rules: [string, object, readonly PolicySettingInfo[]][] = [
	['promotion', DEFAULT_PROMOTION_POLICY, PROMOTION_POLICY_SETTINGS],
	['oath', DEFAULT_OATH_POLICY, OATH_POLICY_SETTINGS],
	['certificate', DEFAULT_CERTIFICATE_POLICY, CERTIFICATE_POLICY_SETTINGS]
];

describe.each(rules)('the %s settings', (prefix, defaults, settings) => {
	it('describe every setting of the default policy, with its value', () => {
		for (const leaf of leaves(defaults, prefix))
			expect([leaf, settings.some((s) => leaf === s.key || leaf.startsWith(`${s.key}.`))]).toEqual([
				leaf,
				true
			]);
		for (const s of settings)
			expect([s.key, s.defaultValue]).toEqual([s.key, at(defaults, s.key.split('.').slice(1))]);
	});

	it('say in both languages what each is and where its default comes from', () => {
		for (const locale of LOCALES)
			for (const s of settings) {
				for (const key of [
					`policy.setting.${s.key}`,
					`policy.basis.${s.key}`,
					`policy.source.${s.source}`
				])
					expect([key, key in CORE_MESSAGES[locale]]).toEqual([key, true]);
				for (const id of s.seeAlso)
					expect(`policy.source.${id}` in CORE_MESSAGES[locale]).toBe(true);
			}
	});
});

describe('the sources', () => {
	it('each has a name and what it says, in both languages', () => {
		for (const locale of LOCALES)
			for (const id of POLICY_SOURCES)
				for (const key of [`policy.source.${id}`, `policy.source.${id}.says`])
					expect([key, key in CORE_MESSAGES[locale]]).toEqual([key, true]);
	});

	it('names the gate defaults that no document fixes as local choices', () => {
		const countFrom = PROMOTION_POLICY_SETTINGS.find((s) => s.key === 'promotion.countFrom')!;
		expect(countFrom).toEqual({
			key: 'promotion.countFrom',
			defaultValue: 'public_notice',
			source: 'local_choice',
			seeAlso: ['lianyungang_2013']
		});
		expect(messageFor(`policy.source.${countFrom.source}`)).toBe('本地设定（无文件规定）');
		const oathDays = OATH_POLICY_SETTINGS.find((s) => s.key === 'oath.days')!;
		expect(oathDays.source).toBe('local_choice');
		expect(OATH_POLICY_SETTINGS.find((s) => s.key === 'oath.mustSwear')?.source).toBe(
			'npcsc_oath_decision_2018'
		);
	});
});

describe('the values a settings screen offers', () => {
	it('each has a label in both languages', () => {
		const keys = [
			...COUNT_FROM_POINTS.map((v) => `promotion.count_from.${v}`),
			...EXEMPTION_KINDS.map((v) => `promotion.exemption.${v}`),
			...VOIDED_ATTEMPT_EFFECTS.map((v) => `promotion.void_effect.${v}`),
			...APPOINTING_BODIES.map((v) => `oath.body.${v}`)
		];
		for (const locale of LOCALES)
			expect(keys.filter((k) => !(k in CORE_MESSAGES[locale]))).toEqual([]);
		expect(messageFor('oath.required', { body: 'supervisory_commission' })).toBe(
			'任命机关为监察委员会，须进行宪法宣誓'
		);
	});
});
