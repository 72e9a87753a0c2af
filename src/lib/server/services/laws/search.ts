import { and, asc, eq, sql } from 'drizzle-orm';
import type { LawSearchInput } from '$lib/schemas/laws.ts';
import type { Ctx } from '../../context.ts';
import { law, lawArticle, lawVersion } from '../../db/schema/index.ts';
import { searchTerms, textSearch } from '../../search/text.ts';

export const SEARCH_PAGE_SIZE = 20;
const SNIPPET_RADIUS = 40;

/** A piece of a snippet; `hit` pieces are the matched words, shown highlighted. */
export interface SnippetPart {
	text: string;
	hit: boolean;
}

export interface SearchHit {
	lawId: number;
	shortTitle: string;
	articleNo: number;
	snippet: SnippetPart[];
}

export interface SearchResult {
	rows: SearchHit[];
	total: number;
	page: number;
	pageSize: number;
}

/**
 * Searches the current version of every statute (or of one law). Words of three characters or more
 * go through the trigram full-text index (ranked); shorter ones (宪法, 宣誓) through LIKE, which the
 * trigram index cannot answer. Snippets come back as plain-text parts, so the page escapes them.
 */
export async function searchArticles(ctx: Ctx, input: LawSearchInput): Promise<SearchResult> {
	const terms = searchTerms(input.q);
	const empty = { rows: [], total: 0, page: input.page, pageSize: SEARCH_PAGE_SIZE };
	if (terms.length === 0) return empty;
	const where = and(
		eq(lawVersion.isCurrent, true),
		input.law === undefined ? undefined : eq(lawVersion.lawId, input.law),
		textSearch(input.q, {
			columns: [lawArticle.text],
			fts: { table: 'law_article_fts', id: lawArticle.id }
		})
	);
	const base = () =>
		ctx.db
			.select({
				lawId: law.id,
				shortTitle: law.shortTitle,
				articleNo: lawArticle.articleNo,
				text: lawArticle.text
			})
			.from(lawArticle)
			.innerJoin(lawVersion, eq(lawVersion.id, lawArticle.versionId))
			.innerJoin(law, eq(law.id, lawVersion.lawId));
	const [counted] = await ctx.db
		.select({ n: sql<number>`count(*)` })
		.from(lawArticle)
		.innerJoin(lawVersion, eq(lawVersion.id, lawArticle.versionId))
		.where(where);
	const total = counted?.n ?? 0;
	const rows = await base()
		.where(where)
		.orderBy(asc(law.id), asc(lawArticle.articleNo))
		.limit(SEARCH_PAGE_SIZE)
		.offset((input.page - 1) * SEARCH_PAGE_SIZE);
	return {
		rows: rows.map((r) => ({
			lawId: r.lawId,
			shortTitle: r.shortTitle,
			articleNo: r.articleNo,
			snippet: snippet(r.text, terms)
		})),
		total,
		page: input.page,
		pageSize: SEARCH_PAGE_SIZE
	};
}

/**
 * The part of `text` around the first match, split into plain and matched parts. Matching is by
 * exact substring, as both LIKE and the trigram index match.
 */
export function snippet(text: string, terms: readonly string[]): SnippetPart[] {
	const lower = text.toLowerCase();
	const needles = terms.map((t) => t.toLowerCase());
	const first = Math.min(...needles.map((n) => lower.indexOf(n)).filter((i) => i >= 0));
	const at = Number.isFinite(first) ? first : 0;
	const start = Math.max(0, at - SNIPPET_RADIUS);
	const end = Math.min(text.length, at + SNIPPET_RADIUS * 2);
	const window = text.slice(start, end);
	const parts: SnippetPart[] = [];
	const pattern = new RegExp(
		needles.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
		'gi'
	);
	let last = 0;
	for (const m of window.matchAll(pattern)) {
		if (m.index > last) parts.push({ text: window.slice(last, m.index), hit: false });
		parts.push({ text: m[0], hit: true });
		last = m.index + m[0].length;
	}
	if (last < window.length) parts.push({ text: window.slice(last), hit: false });
	if (start > 0) parts.unshift({ text: '…', hit: false });
	if (end < text.length) parts.push({ text: '…', hit: false });
	return parts;
}
