import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { lapseText, oathStateText, voidEffectText } from './hr.ts';

describe('an oath’s state in words', () => {
	afterEach(() => overwriteGetLocale(() => 'zh-CN'));

	const due = (daysLeft: number) =>
		oathStateText({ state: daysLeft < 0 ? 'overdue' : 'due', deadline: '2026-12-31', daysLeft });

	it('says “1 day” and “25 days” in English', () => {
		overwriteGetLocale(() => 'en');
		expect([due(1), due(25), due(0)]).toEqual([
			'Due, 1 day left (deadline 2026-12-31)',
			'Due, 25 days left (deadline 2026-12-31)',
			'Due, 0 days left (deadline 2026-12-31)'
		]);
		expect([due(-1), due(-3)]).toEqual([
			'Overdue by 1 day (deadline 2026-12-31)',
			'Overdue by 3 days (deadline 2026-12-31)'
		]);
	});

	it('and the same sentence for every count in Chinese', () => {
		expect([due(1), due(25), due(-1)]).toEqual([
			'待宣誓，还有 1 天（期限 2026-12-31）',
			'待宣誓，还有 25 天（期限 2026-12-31）',
			'已逾期 1 天（期限 2026-12-31）'
		]);
	});
});

describe('a voided attempt’s effect with its months', () => {
	afterEach(() => overwriteGetLocale(() => 'zh-CN'));

	it('says “1 month” and “6 months” in English, and nothing without months', () => {
		overwriteGetLocale(() => 'en');
		expect([voidEffectText('bars', 1), voidEffectText('bars', 6)]).toEqual([
			'bars (1 month)',
			'bars (6 months)'
		]);
		expect(voidEffectText('counts as a fail', undefined)).toBe('counts as a fail');
	});

	it('and the same words for every count in Chinese', () => {
		expect([voidEffectText('不得补考', 1), voidEffectText('不得补考', 6)]).toEqual([
			'不得补考（1 个月）',
			'不得补考（6 个月）'
		]);
	});
});

describe('a pass regraded to a fail, in words', () => {
	afterEach(() => overwriteGetLocale(() => 'zh-CN'));

	const failed = (scoreBefore: number) =>
		lapseText(
			{
				change: 'failed',
				attemptId: 7,
				takenOn: '2026-03-02',
				scoreBefore,
				scoreNow: 0,
				supersededBy: null
			},
			'2026-03-09'
		);

	it('says “1 point” and “60 points” in English', () => {
		overwriteGetLocale(() => 'en');
		expect(failed(1)).toMatch(/: 1 point became 0\.$/);
		expect(failed(60)).toMatch(/: 60 points became 0\.$/);
	});
});
