import { describe, expect, it } from 'vitest';
import { formatMessage, type MessageTable } from './index.ts';

const table: MessageTable = {
	'zh-CN': { 'bank.short': '第{section}部分需要{need}道题，题库只有{have}道' },
	en: { 'bank.short': 'Section {section} needs {need} questions; the bank has {have}' }
};

describe('formatMessage', () => {
	it('fills placeholders in the requested locale', () => {
		const data = { section: 2, need: 20, have: 12 };
		expect(formatMessage([table], 'bank.short', data, 'zh-CN')).toBe(
			'第2部分需要20道题，题库只有12道'
		);
		expect(formatMessage([table], 'bank.short', data, 'en')).toBe(
			'Section 2 needs 20 questions; the bank has 12'
		);
	});

	it('returns the code for an unknown code and keeps unknown placeholders visible', () => {
		expect(formatMessage([table], 'nope', {}, 'en')).toBe('nope');
		expect(formatMessage([table], 'bank.short', { section: 1 }, 'en')).toContain('{need}');
	});
});
