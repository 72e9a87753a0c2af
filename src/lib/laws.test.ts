import { afterEach, describe, expect, it } from 'vitest';
import { parseArticleNo } from '@xuefa/core';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { lawRowsOf } from './components/study/law-rows.ts';
import { draftOf } from './questions/draft.ts';
import { articleInput, articleLabel, articleList, citationLabel, citationList } from './laws.ts';

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

	it('in lists and citations: the law’s title stays as the library names it', () => {
		const refs = [{ lawId: '行政处罚法', articleNo: 44 }, { lawId: '宪法' }];
		expect(articleList([42, 44])).toBe('第四十二条、第四十四条');
		expect(citationList(refs)).toBe('《行政处罚法》第四十四条、《宪法》');
		overwriteGetLocale(() => 'en');
		expect(articleList([42, 44])).toBe('Article 42, Article 44');
		expect(citationLabel(refs[0]!)).toBe('《行政处罚法》Article 44');
		expect(citationList(refs)).toBe('《行政处罚法》Article 44, 《宪法》');
	});

	it('is refilled into a form as the field reads it back: 第四十二条, or 42 in English', () => {
		const laws = [
			{ lawId: '行政处罚法', articleNo: 42 },
			{ lawId: '行政处罚法', articleNo: 44 }
		];
		const q = { id: '1', version: 1, type: 'truefalse', stem: '判断', answer: true, difficulty: 3 };
		const refill = () => ({
			rows: lawRowsOf(laws).map((r) => r.articles),
			editor: draftOf({ ...q, laws, tags: [] } as Parameters<typeof draftOf>[0]).laws.map(
				(l) => l.article
			)
		});
		expect(refill()).toEqual({
			rows: ['第四十二条、第四十四条'],
			editor: ['第四十二条', '第四十四条']
		});
		overwriteGetLocale(() => 'en');
		expect(refill()).toEqual({ rows: ['42, 44'], editor: ['42', '44'] });
		expect(parseArticleNo(articleInput(42))).toBe(42);
	});
});
