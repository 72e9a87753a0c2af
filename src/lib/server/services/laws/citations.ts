import { and, eq, inArray } from 'drizzle-orm';
import type { LawRef } from '@xuefa/core';
import { t } from '$lib/i18n.ts';
import { articleLabel } from '$lib/laws.ts';
import type { Ctx } from '../../context.ts';
import { law, lawArticle, lawVersion } from '../../db/schema/index.ts';

/** A cited article that the library's current version of that law does not have. */
export interface MissingArticle {
	lawId: string;
	articleNo: number;
}

/**
 * The citations of articles the library lacks while it has their law (宪法 第九百条). A law that
 * is not in the library at all is not reported: many installations cite laws they never import.
 */
export async function missingArticles(
	ctx: Pick<Ctx, 'db'>,
	refs: readonly LawRef[]
): Promise<MissingArticle[]> {
	const cited = refs.filter((r): r is Required<LawRef> => r.articleNo !== undefined);
	const lawIds = [...new Set(cited.map((r) => r.lawId))];
	if (lawIds.length === 0) return [];
	const rows = await ctx.db
		.select({ lawId: law.shortTitle, no: lawArticle.articleNo })
		.from(law)
		.innerJoin(lawVersion, and(eq(lawVersion.lawId, law.id), eq(lawVersion.isCurrent, true)))
		.leftJoin(lawArticle, eq(lawArticle.versionId, lawVersion.id))
		.where(inArray(law.shortTitle, lawIds));
	const known = new Set(rows.map((r) => r.lawId));
	const articles = new Set(rows.map((r) => `${r.lawId}#${r.no}`));
	const seen = new Set<string>();
	return cited.filter((r) => {
		const key = `${r.lawId}#${r.articleNo}`;
		if (!known.has(r.lawId) || articles.has(key) || seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** 《宪法》第九百条不在法律法规库中…, in the reader's language. */
export function missingArticleText(m: MissingArticle): string {
	return t('law_citation_missing', { law: m.lawId, article: articleLabel(m.articleNo) });
}
