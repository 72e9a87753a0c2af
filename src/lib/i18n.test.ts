import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { t } from './i18n.ts';

describe('a message looked up by key', () => {
	afterEach(() => overwriteGetLocale(() => 'zh-CN'));

	it('lists what an error names as the reader’s language lists it: 、 in Chinese, commas in English', () => {
		const params = { list: ['SF9001', 'SF9002'] };
		overwriteGetLocale(() => 'zh-CN');
		expect(t('err_sitting_unknown_people', params)).toContain('SF9001、SF9002');
		overwriteGetLocale(() => 'en');
		expect(t('err_sitting_unknown_people', params)).toBe(
			'These employee numbers are unknown or outside your units: SF9001, SF9002'
		);
	});
});
