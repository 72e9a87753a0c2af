/**
 * Text search as people type it, for every list with a search box (people, statutes, questions):
 * words separated by spaces must all match, each anywhere in the text, and nothing typed is ever
 * read as query syntax — `%`, `_` and `\` are plain characters for LIKE, quotes, `*`, AND/OR are
 * plain text for FTS5.
 */
import { type SQL, type SQLWrapper, and, or, sql } from 'drizzle-orm';
import { isBigram } from './grams.ts';

/** FTS5's trigram tokenizer indexes runs of three characters: shorter words cannot use MATCH. */
export const TRIGRAM = 3;

/** The words of a query: split at white space, each searched as typed, duplicates dropped. */
export function searchTerms(q: string): string[] {
	return [...new Set(q.split(/\s+/).filter(Boolean))];
}

/** Whether a word is long enough for the trigram full-text index. */
export const usesTrigram = (term: string) => [...term].length >= TRIGRAM;

/** A LIKE pattern for "contains `term`", with LIKE's wildcards and the escape character escaped. */
export const containsPattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * `column` contains `term`, as typed. The ESCAPE clause is what makes the escaped `%` and `_` of
 * {@link containsPattern} literal: SQLite's LIKE has no escape character without it.
 */
export const contains = (column: SQLWrapper, term: string): SQL =>
	sql`${column} LIKE ${containsPattern(term)} ESCAPE '\\'`;

/** `"…"` with quotes doubled: FTS5 reads the word as a string, never as query syntax. */
export const ftsString = (term: string) => `"${term.replaceAll('"', '""')}"`;

/** A trigram FTS5 table whose rowid is the id of the searched row. */
export interface FullTextIndex {
	/** The virtual table's name. */
	table: string;
	/** The row id the table's rowid stands for. */
	id: SQLWrapper;
	/**
	 * The indexed column, when short words should be looked for in the index's text as well (with
	 * LIKE): for text that lives only in the index, such as a question's options and explanation.
	 */
	likeColumn?: string;
	/**
	 * A bigram index over the same text (see `bigramsOf`): two-character words use it instead of
	 * LIKE, which reads every row.
	 */
	bigrams?: string;
}

/** Where one search box looks. */
export interface TextSearchTarget {
	/** Columns read with LIKE (a word matches when any of them contains it). */
	columns: SQLWrapper[];
	/** A trigram index over the same text: words of three characters or more use it instead. */
	fts?: FullTextIndex;
}

/** One word as a condition: a trigram MATCH when it is long enough and there is an index, else LIKE. */
export function termCondition(term: string, target: TextSearchTarget): SQL {
	const fts = target.fts;
	const table = fts && sql.identifier(fts.table);
	if (fts && usesTrigram(term))
		return sql`${fts.id} IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ${ftsString(term)})`;
	if (fts?.bigrams && isBigram(term)) {
		const grams = sql.identifier(fts.bigrams);
		return sql`${fts.id} IN (SELECT rowid FROM ${grams} WHERE ${grams} MATCH ${ftsString(term)})`;
	}
	const likes = target.columns.map((c) => contains(c, term));
	if (fts?.likeColumn)
		likes.push(
			sql`${fts.id} IN (SELECT rowid FROM ${table} WHERE ${contains(sql.identifier(fts.likeColumn), term)})`
		);
	return or(...likes) as SQL;
}

/**
 * The condition "every word of `q` matches", or undefined for an empty query (no filter).
 *
 * @example
 * textSearch('张 SF00', { columns: [person.name, person.employeeNo] })
 */
export function textSearch(q: string, target: TextSearchTarget): SQL | undefined {
	const terms = searchTerms(q);
	return terms.length === 0 ? undefined : and(...terms.map((t) => termCondition(t, target)));
}
