/**
 * Spreadsheet cells are plain text, and Xuefa stores Markdown: what a cell says must show as it
 * is written. Statute text is full of what Markdown reads as markup — `1. ` or `（一）` lines, a
 * footnote `*`, `<` and `>` in 《》-less citations, `#` — and read raw, a stem `1. 听证…` became
 * a numbered list and `*注` an emphasis. The fill-in's blank markers (`___`) stay markers.
 */
import { BLANK_MARKER } from '../question/model.ts';
import type { CasePart, QuestionVersion } from '../question/model.ts';
import { escapeMarkdown, unescapeMarkdown } from './text.ts';

type Body = QuestionVersion | CasePart;

/** Applies `f` to every Markdown text of a question or part: stem, explanation, options, essay texts, parts. */
function mapTexts<T extends Body>(q: T, f: (text: string, isStem: boolean) => string): T {
	const out: Record<string, unknown> = { ...q, stem: f(q.stem, true) };
	if (q.explanation !== undefined) out.explanation = f(q.explanation, false);
	if ('options' in q)
		out.options = q.options.map((o) => ({
			...o,
			text: f(o.text, false),
			...(o.feedback === undefined ? {} : { feedback: f(o.feedback, false) })
		}));
	if (q.type === 'essay') {
		if (q.referenceAnswer !== undefined) out.referenceAnswer = f(q.referenceAnswer, false);
		if (q.rubric !== undefined) out.rubric = f(q.rubric, false);
	}
	if (q.type === 'case') out.parts = q.parts.map((p) => mapTexts(p, f));
	return out as T;
}

/** Escapes a text around its blank markers, which stay markers in a fill-in's stem. */
function escapeAroundBlanks(text: string): string {
	let out = '';
	let at = 0;
	for (const m of text.matchAll(BLANK_MARKER)) {
		out += escapeMarkdown(text.slice(at, m.index)) + m[0];
		at = m.index + m[0].length;
	}
	return out + escapeMarkdown(text.slice(at));
}

/**
 * A question read from plain-text cells, its texts as Markdown that shows them as written.
 *
 * @param q - the question with its cells' texts
 * @returns the question with escaped texts (a fill-in's `___` markers kept)
 */
export function cellsToMarkdown<T extends Body>(q: T): T {
	return mapTexts(q, (text, isStem) =>
		isStem && q.type === 'fill' ? escapeAroundBlanks(text) : escapeMarkdown(text)
	);
}

/**
 * A question's texts as cells show them: the escapes {@link cellsToMarkdown} added come off.
 *
 * @param q - the question as stored
 * @returns the question with plain texts
 */
export function markdownToCells<T extends Body>(q: T): T {
	return mapTexts(q, (text) => unescapeMarkdown(text));
}

/** The Markdown texts of a question or part, in the order {@link mapTexts} visits them. */
function textsOf(q: Body): string[] {
	const texts: string[] = [];
	mapTexts(q, (text) => {
		texts.push(text);
		return text;
	});
	return texts;
}

// ASCII punctuation, which a backslash before it always shows as itself (CommonMark 2.4)
const ESCAPABLE = /[!-/:-@[-`{-~]/;

/**
 * Whether `stored` is `minimal` with, at most, more backslashes before ASCII punctuation: texts
 * imported before the escaping was cut to what changes the rendering keep `A\&B`, `snake\_case`,
 * which show just as `A&B`, `snake_case` do. A walk of both, linear.
 */
function withExtraEscapes(stored: string, minimal: string): boolean {
	let j = 0;
	for (let i = 0; i < stored.length; i++) {
		if (stored[i] === minimal[j]) j++;
		else if (!(
			stored[i] === '\\' &&
			ESCAPABLE.test(stored[i + 1] ?? '') &&
			stored[i + 1] === minimal[j]
		))
			return false;
	}
	return j === minimal.length;
}

/**
 * Whether every text of the question reads back from cells as it shows: no Markdown formatting
 * (bold, lists, links) that plain cells would turn into the characters it is written with.
 * Escapes beyond those {@link cellsToMarkdown} adds are no formatting.
 *
 * @param q - the question as stored
 * @returns true when writing it as cells and reading them again gives a question that shows the same
 */
export function isPlainInCells(q: Body): boolean {
	const minimal = textsOf(cellsToMarkdown(markdownToCells(q)));
	return textsOf(q).every((text, k) => withExtraEscapes(text, minimal[k]!));
}

/**
 * The question with each text that differs from its plain reading only by escapes that change
 * nothing (`A\&B`, `snake\_case`, kept by imports before the escaping was cut to what matters)
 * written as an import writes it now (`A&B`, `snake_case`); texts with formatting stay as they are.
 * Comparing a stored question so, a sheet exported and imported again is the same question, not a
 * new version of it.
 *
 * @param q - the question as stored
 * @returns the question, its plain texts without the escapes that change nothing
 * @example
 * leastEscaped({ ...q, stem: 'A\\&B' }).stem; // → 'A&B'
 */
export function leastEscaped<T extends QuestionVersion | CasePart>(q: T): T {
	const minimal = textsOf(cellsToMarkdown(markdownToCells(q)));
	let k = 0;
	return mapTexts(q, (text) => {
		const plain = minimal[k++]!;
		return withExtraEscapes(text, plain) ? plain : text;
	});
}
