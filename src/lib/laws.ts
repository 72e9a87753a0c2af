import { type LawRef, formatArticleNo, formatLawCitation } from '@xuefa/core';
import { m } from './i18n.ts';
import { getLocale } from './paraglide/runtime.js';

/**
 * How an article is named on screen: 第四十二条 (as statutes write it, in Chinese numerals, which
 * the catalogue cannot spell) or Article 42 in English; 序言 / Preamble for article 0.
 */
export function articleLabel(no: number): string {
	if (no === 0) return m.law_preamble();
	return getLocale() === 'zh-CN' ? formatArticleNo(no) : m.law_article_no({ no });
}

/** Several articles of one law: 第四十二条、第四十四条 or Article 42, Article 44. */
export const articleList = (nos: readonly number[]) =>
	nos.map(articleLabel).join(m.common_list_separator());

/**
 * A citation on screen: 《行政处罚法》第四十二条 (the core's form, unchanged) or 《行政处罚法》Article 42
 * in English. The law's short title is data and stays as the library names it.
 */
export function citationLabel(ref: LawRef): string {
	if (getLocale() === 'zh-CN') return formatLawCitation(ref);
	return `《${ref.lawId}》${ref.articleNo === undefined ? '' : articleLabel(ref.articleNo)}`;
}

/** Several citations in the reader's list form. */
export const citationList = (refs: readonly LawRef[]) =>
	refs.map(citationLabel).join(m.common_list_separator());

/**
 * An article number refilled into a form field, where it must read back: 第四十二条 in Chinese, the
 * plain number in English (the field takes both; it does not take “Article 42”).
 */
export const articleInput = (no: number) =>
	getLocale() === 'zh-CN' ? formatArticleNo(no) : String(no);

/** The stable link of an article: always the law's current version. */
export const articleHref = (lawId: number, no: number) => `/laws/${lawId}/articles/${no}`;
