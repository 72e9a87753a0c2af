import { afterEach, describe, expect, it } from 'vitest';
import { auditValue } from '$lib/audit.ts';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { settingText } from './policy.ts';

// the policy page and the audit log say a voided attempt's effect alike
const none = { unit: {}, bank: {}, person: {}, team: {}, planItem: {} };
const bars = (months: number) => ({ effect: 'bars_until', months });
const read = (months: number, locale: 'zh-CN' | 'en') => {
	overwriteGetLocale(() => locale);
	return [
		settingText('promotion.voidedAttempt', bars(months)),
		auditValue('policy_setting', 'voidedAttempt', bars(months), none, locale)
	];
};

describe('a voided attempt that bars retakes for some months, in words', () => {
	afterEach(() => overwriteGetLocale(() => 'zh-CN'));

	it('says “1 month” and “6 months” in English', () => {
		const text = 'counts as a fail, and no retake for a number of months';
		expect(read(1, 'en')).toEqual([`${text} (1 month)`, `${text} (1 month)`]);
		expect(read(6, 'en')).toEqual([`${text} (6 months)`, `${text} (6 months)`]);
	});

	it('and the same words for every count in Chinese', () => {
		const text = '按不合格处理，且一定月数内不得补考';
		expect(read(1, 'zh-CN')).toEqual([`${text}（1 个月）`, `${text}（1 个月）`]);
		expect(read(6, 'zh-CN')).toEqual([`${text}（6 个月）`, `${text}（6 个月）`]);
	});
});
