import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { missingArticleText } from './citations.ts';
import { issueText } from './issues.ts';

describe('what an organiser reads about a statute’s articles', () => {
	afterEach(() => overwriteGetLocale(() => 'zh-CN'));

	const order = { code: 'statute.article.order', line: 3, data: { no: 3, expected: 2 } };

	it('names articles as statutes do in Chinese', () => {
		expect(issueText(order)).toBe('第 3 行：条文编号不连续：此处为第三条，应为第二条。');
		expect(missingArticleText({ lawId: '宪法', articleNo: 900 })).toBe(
			'法律法规库中的《宪法》没有第九百条，请核对条款号。'
		);
	});

	it('and as “Article 3” in English', () => {
		overwriteGetLocale(() => 'en');
		expect(issueText(order)).toBe(
			'Line 3: Article numbers out of order: Article 3 where Article 2 was expected.'
		);
		expect(missingArticleText({ lawId: '宪法', articleNo: 900 })).toBe(
			"The library's 宪法 has no Article 900: check the article number."
		);
	});
});
