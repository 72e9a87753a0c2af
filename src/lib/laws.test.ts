import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { articleLabel } from './laws.ts';

describe('an article’s name on screen', () => {
	afterEach(() => overwriteGetLocale(() => 'zh-CN'));

	it('is written as statutes write it in Chinese, and as “Article 42” in English', () => {
		overwriteGetLocale(() => 'zh-CN');
		expect(articleLabel(42)).toBe('第四十二条');
		expect(articleLabel(0)).toBe('序言');
		overwriteGetLocale(() => 'en');
		expect(articleLabel(42)).toBe('Article 42');
		expect(articleLabel(0)).toBe('Preamble');
	});
});
