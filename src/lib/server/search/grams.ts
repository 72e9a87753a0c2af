import { sql } from 'drizzle-orm';
import type { ReadDb } from '../db/index.ts';
import { write } from '../context.ts';

/**
 * The characters a two-character word is made of: digits, Latin letters and CJK ideographs. A word
 * of two such characters is looked up in a bigram index; anything else (one character, punctuation)
 * falls back to LIKE.
 */
const WORD_CHAR = /[0-9A-Za-z\u3400-\u9fff]/;
const WORD_RUN = /[0-9A-Za-z\u3400-\u9fff]+/g;

/** Whether a search word can be answered by the bigram index: exactly two word characters. */
export const isBigram = (term: string) =>
	[...term].length === 2 && [...term].every((c) => WORD_CHAR.test(c));

/**
 * Every pair of adjacent word characters in `text`, space-separated, each once: the tokens of a
 * bigram index, so that a two-character word (宪法, 宣誓) is a token lookup instead of a LIKE scan
 * over every row — the trigram index cannot answer words shorter than three characters.
 * @example
 * bigramsOf('行政机关（A1）'); // → '行政 政机 机关 A1'
 */
export function bigramsOf(text: string): string {
	const grams = new Set<string>();
	for (const run of text.match(WORD_RUN) ?? []) {
		const chars = [...run];
		for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
	}
	return [...grams].join(' ');
}

const BACKFILL_CHUNK = 500;

/**
 * Fills the question bigram index for questions saved before it existed (its migration creates it
 * empty: SQL has no cheap way to cut text into pairs), from the text of the trigram index, a chunk
 * per write transaction. Does nothing once every question is indexed (one cheap query at start).
 */
export async function indexMissingBigrams(db: ReadDb): Promise<number> {
	let done = 0;
	for (;;) {
		// read under the write lock, so that two processes starting together never index a row twice
		const n = await write(db, async (tx) => {
			const rows = await tx.all<{ id: number; body: string }>(
				sql`SELECT rowid AS id, body FROM question_fts
					WHERE rowid NOT IN (SELECT id FROM question_bigram_docsize) LIMIT ${BACKFILL_CHUNK}`
			);
			for (const r of rows)
				await tx.run(
					sql`INSERT INTO question_bigram (rowid, grams) VALUES (${r.id}, ${bigramsOf(r.body)})`
				);
			return rows.length;
		});
		if (n === 0) return done;
		done += n;
	}
}
