/**
 * Statutes (法律法规): a title, the promulgation / amendment history, headings (编/章/节, 序言) and
 * numbered articles (条). Both parsers — Markdown and plain text copied from the national law
 * database — produce this one structure.
 */
import type { Issue } from '../errors.ts';

/** A heading (编/章/节 or 序言) with its sub-headings, in document order. */
export interface StatuteHeading {
	/** 1 for the outermost heading kind present (usually 章), 2 for the next (节), … */
	level: number;
	/** Normalised, e.g. `第一章 总则`, `第三节 国务院`, `序言`. */
	title: string;
	/** Paragraphs under the heading that are not articles — the 宪法's 序言 — joined by newlines. */
	preamble?: string;
	/** 1-based line in the source. */
	line: number;
	children: StatuteHeading[];
}

/** One article (条). */
export interface StatuteArticle {
	/** 第四十二条 → 42 */
	no: number;
	/** The article's paragraphs (款) without the leading 第N条, joined by newlines. */
	text: string;
	/**
	 * Indexes into the heading tree of the innermost heading the article stands under: `[2, 0]` is
	 * the first child of the third top-level heading; `[]` when it stands under no heading.
	 */
	headingPath: number[];
	/** 1-based line in the source. */
	line: number;
}

/** A parsed statute. */
export interface Statute {
	/** 中华人民共和国行政处罚法 */
	title: string;
	/** 行政处罚法 — the title without the 中华人民共和国 prefix, as questions cite it. */
	shortTitle: string;
	/** Promulgation and amendment lines, oldest first. */
	history: string[];
	headings: StatuteHeading[];
	/** In document order. */
	articles: StatuteArticle[];
}

/** What a parser returns: the structure, and every problem found with its line. */
export interface StatuteParseResult {
	statute: Statute;
	/** Empty when the text is well formed; otherwise each issue has a `line`. */
	issues: Issue[];
}

/** The structure a diff needs: article numbers and texts. */
export interface StatuteArticleText {
	no: number;
	text: string;
}
