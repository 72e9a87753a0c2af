import { formatArticleNo } from '@xuefa/core';
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

/** The stable link of an article: always the law's current version. */
export const articleHref = (lawId: number, no: number) => `/laws/${lawId}/articles/${no}`;
