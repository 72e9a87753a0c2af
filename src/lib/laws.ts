import { formatArticleNo } from '@xuefa/core';
import { m } from './i18n.ts';

/** How an article is named on screen: 第四十二条, or 序言 for the preamble stored as article 0. */
export function articleLabel(no: number): string {
	return no === 0 ? m.law_preamble() : formatArticleNo(no);
}

/** The stable link of an article: always the law's current version. */
export const articleHref = (lawId: number, no: number) => `/laws/${lawId}/articles/${no}`;
