import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { examKindLabel } from './exams.ts';
import { practiceSourceLabel } from './practice.ts';

describe('labels from a fixed table of messages', () => {
	afterEach(() => overwriteGetLocale(() => 'zh-CN'));

	it('name a known value in the reader’s language and pass inputs on', () => {
		overwriteGetLocale(() => 'zh-CN');
		expect(examKindLabel('pre_appointment')).toBe('任前法律知识考试');
		expect(practiceSourceLabel('bank', { label: '行政处罚法题库' })).toContain('行政处罚法题库');
		overwriteGetLocale(() => 'en');
		expect(examKindLabel('pre_appointment')).toMatch(/pre-appointment/i);
	});

	it('show an unknown value as it is, and never reach into the object prototype', () => {
		expect(examKindLabel('something_new')).toBe('something_new');
		expect(examKindLabel.has('annual')).toBe(true);
		expect(examKindLabel.has('toString')).toBe(false);
		expect(examKindLabel('constructor')).toBe('constructor');
	});
});
