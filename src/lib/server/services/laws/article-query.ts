import { and, asc, eq, inArray } from 'drizzle-orm';
import { parseArticleNo } from '@xuefa/core';
import type { LawSearchInput } from '$lib/schemas/laws.ts';
import type { Ctx } from '../../context.ts';
import { law, lawArticle, lawVersion } from '../../db/schema/index.ts';

/** An article found by its number: where a search for 第二十七条 or 宪法27条 leads. */
export interface ArticleHit {
	lawId: number;
	shortTitle: string;
	articleNo: number;
}

// a law's name, then an article number as people type it: 宪法27条, 《宪法》第二十七条, 宪法 27
const NAMED = /^《?\s*(.+?)\s*》?\s*(第?\s*[0-9０-９零〇一二两三四五六七八九十百千]+\s*条?)$/;

/** The law a name means: its short title (宪法) or full title (中华人民共和国宪法). */
function lawNamed(laws: { id: number; title: string; shortTitle: string }[], name: string) {
	return laws.find((l) => l.shortTitle === name || l.title === name);
}

/**
 * The articles a query names by number — `第二十七条`, `27`, `27条` in the chosen law (or in every
 * law, when none is chosen), or `宪法27条` / `《宪法》第二十七条` naming the law itself — in the
 * current version of each law. Empty when the query is not an article number or no law has that
 * article; the search then reads it as words.
 */
export async function articlesByNumber(ctx: Ctx, input: LawSearchInput): Promise<ArticleHit[]> {
	const q = input.q.trim();
	if (!q) return [];
	let articleNo = parseArticleNo(q);
	let lawIds = input.law === undefined ? undefined : [input.law];
	if (articleNo === undefined) {
		const m = NAMED.exec(q);
		articleNo = m ? parseArticleNo(m[2]!) : undefined;
		if (articleNo === undefined) return [];
		const laws = await ctx.db
			.select({ id: law.id, title: law.title, shortTitle: law.shortTitle })
			.from(law);
		const named = lawNamed(laws, m![1]!);
		if (!named) return [];
		lawIds = [named.id];
	}
	return ctx.db
		.select({ lawId: law.id, shortTitle: law.shortTitle, articleNo: lawArticle.articleNo })
		.from(lawArticle)
		.innerJoin(lawVersion, eq(lawVersion.id, lawArticle.versionId))
		.innerJoin(law, eq(law.id, lawVersion.lawId))
		.where(
			and(
				eq(lawVersion.isCurrent, true),
				eq(lawArticle.articleNo, articleNo),
				lawIds === undefined ? undefined : inArray(law.id, lawIds)
			)
		)
		.orderBy(asc(law.id));
}
