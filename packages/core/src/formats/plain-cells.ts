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

/**
 * Whether every text of the question reads back from cells as it is: no Markdown formatting
 * (bold, lists, links) that plain cells would turn into the characters it is written with.
 *
 * @param q - the question as stored
 * @returns true when writing it as cells and reading them again gives the same question
 */
export function isPlainInCells(q: Body): boolean {
	return JSON.stringify(cellsToMarkdown(markdownToCells(q))) === JSON.stringify(q);
}
