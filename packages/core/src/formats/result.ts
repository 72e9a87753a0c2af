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
}

/** An import's outcome: `ok` only when there are no issues. Every issue carries `line` (row or line). */
export interface ImportResult {
	ok: boolean;
	questions: QuestionVersion[];
	issues: Issue[];
}

/** What an exporter returns: the text (or rows) plus the questions it could not write, by id. */
export interface ExportResult<T> {
	output: T;
	/** `format.export.unsupported` per question left out (never silently). */
	issues: Issue[];
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
