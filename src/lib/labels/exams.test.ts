import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { examOutcomeLabel } from './exams.ts';

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
