import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { certificateReasonLabel, examOutcomeLabel } from './exams.ts';

describe('an exam outcome', () => {
	afterEach(() => overwriteGetLocale(() => 'zh-CN'));

	it('says 不合格 once: a band that repeats the outcome is left out', () => {
		overwriteGetLocale(() => 'zh-CN');
		expect(examOutcomeLabel(false, 'fail')).toBe('不合格');
		expect(examOutcomeLabel(true, 'pass')).toBe('合格');
		expect(examOutcomeLabel(true, 'excellent')).toBe('合格 · 优秀');
		expect(examOutcomeLabel(true, null)).toBe('合格');
		overwriteGetLocale(() => 'en');
		expect(examOutcomeLabel(false, 'fail')).toBe('Not passed');
	});
});

describe('why a certificate was revoked', () => {
	afterEach(() => overwriteGetLocale(() => 'zh-CN'));

	it('puts the reasons the app records in words, in both languages, and leaves a person’s as written', () => {
		overwriteGetLocale(() => 'zh-CN');
		expect(certificateReasonLabel('superseded')).toBe('所依据的合格成绩已被同场考试后一次作答取代');
		expect(certificateReasonLabel('regraded')).toBe('所依据的考试经重新评分后不再合格');
		expect(certificateReasonLabel('违法执法被吊销')).toBe('违法执法被吊销');
		overwriteGetLocale(() => 'en');
		expect(certificateReasonLabel('superseded')).toBe(
			'The pass it rests on was replaced by a later attempt in the same sitting'
		);
	});
});
