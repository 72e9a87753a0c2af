/**
 * What every importer returns.
 */
import type { Issue } from '../errors.ts';
import type { QuestionVersion } from '../question/model.ts';
import { stripControlDeep } from './text.ts';

/** Options shared by the importers. */
export interface ImportOptions {
	/**
	 * Return the questions that parsed cleanly even when others failed (a preview). Default false:
	 * any issue yields no questions at all.
	 */
	partial?: boolean;
	/**
	 * Turns HTML (GIFT's `[html]` and `[moodle]` texts) into Markdown. Default: the HTML's text,
	 * tags dropped. The core has no HTML parser; an app passes a real converter.
	 */
	html?: (html: string) => string;
	/**
	 * The most questions the caller takes. Reading stops at the first question past it, and the
	 * result is that one issue, `format.too_many_questions` (with `max`): 5 MB of tiny questions
	 * (700,000 of them) took 15 s to parse, only to be refused for their number afterwards.
	 */
	maxQuestions?: number;
}

/** An import's outcome: `ok` only when there are no issues. Every issue carries `line` (row or line). */
export interface ImportResult {
	ok: boolean;
	questions: QuestionVersion[];
	issues: Issue[];
	/** Rows left out as a template's example (示例, 例：…), by row number: the row format only. */
	exampleRows?: number[];
}

/** What an exporter returns: the text (or rows) plus the questions it could not write, by id. */
export interface ExportResult<T> {
	output: T;
	/** `format.export.unsupported` per question left out (never silently). */
	issues: Issue[];
	/** Questions written, but not as they will read back (the row format's `format.export.markdown_in_cells`). */
	notes?: Issue[];
}

/** The issue of a text holding more questions than `max`, the first extra one at `line`. */
export const TOO_MANY_QUESTIONS = 'format.too_many_questions';

/**
 * The result of a text with more questions than `options.maxQuestions`, whose first extra
 * question starts at `line`: that issue alone, no question.
 */
export function tooManyQuestions(line: number, max: number): ImportResult {
	return {
		ok: false,
		questions: [],
		issues: [{ code: TOO_MANY_QUESTIONS, line, data: { line, max } }]
	};
}

/**
 * Builds the result from per-question outcomes, applying the all-or-nothing rule. Control
 * characters are stripped from every text of every question (tab and line feed stay).
 */
export function finish(
	entries: readonly { question?: QuestionVersion; issues: Issue[] }[],
	global: Issue[],
	options: ImportOptions
): ImportResult {
	const issues = [...global, ...entries.flatMap((e) => e.issues)];
	const good = entries
		.filter((e) => e.question && e.issues.length === 0)
		.map((e) => stripControlDeep(e.question!));
	return {
		ok: issues.length === 0,
		questions: issues.length === 0 || options.partial ? good : [],
		issues
	};
}
