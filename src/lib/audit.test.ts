import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { auditValue } from './audit.ts';

const names = { unit: {}, bank: {}, person: {}, team: {}, planItem: {} };

describe('an exam blueprint in the audit log', () => {
	afterEach(() => overwriteGetLocale(() => 'zh-CN'));

	const blueprint = (locale: string) =>
		auditValue(
			'exam',
			'blueprint',
			{
				sections: [
					{ type: 'single', count: 1, points: 1 },
					{ type: 'truefalse', count: 10, points: 2 }
				]
			},
			names,
			locale
		);

	it('says “1 question (1 point each)” and “10 questions (2 points each)” in English', () => {
		overwriteGetLocale(() => 'en');
		expect(blueprint('en')).toMatch(
			/^.+: 1 question \(1 point each\); .+: 10 questions \(2 points each\)$/
		);
	});

	it('and counts the same way in Chinese', () => {
		expect(blueprint('zh-CN')).toBe('单选 1 题（每题 1 分）；判断 10 题（每题 2 分）');
	});
});

describe('a certificate’s revocation in the audit log', () => {
	afterEach(() => overwriteGetLocale(() => 'zh-CN'));

	it('gives the app’s own reasons in words, and a person’s as written', () => {
		const reason = (value: string, locale: 'zh-CN' | 'en') => {
			overwriteGetLocale(() => locale);
			return auditValue('certificate', 'reason', value, names, locale);
		};
		expect(reason('superseded', 'zh-CN')).toBe('所依据的合格成绩已被同场考试后一次作答取代');
		expect(reason('regraded', 'en')).toBe('An exam it rests on no longer passes after regrading');
		expect(reason('考试中使用手机查阅资料', 'zh-CN')).toBe('考试中使用手机查阅资料');
	});
});
