/**
 * Aiken (Moodle's simplest format): single-choice questions only.
 *
 * ```
 * 行政处罚听证应当在举行几日前通知当事人？
 * A. 三日
 * B. 七日
 * ANSWER: B
 * ```
 * The stem may span several lines; options are `A.` or `A)` lines; `ANSWER:` closes the question.
 * As people type it in Chinese too: `A、` `A．` `（A）` `(A)`, full-width letters `Ａ．`, `ANSWER：Ｂ`,
 * `答案：B` or `正确答案：B` for the ANSWER line, and an answer followed by its option's own text
 * (`ANSWER: B. 七日`).
 * An option line before any question is reported at its line (`format.aiken.not_started`), never
 * read as a stem. The file is plain text: Markdown and HTML characters are escaped so that they
 * show as typed. Imported questions get the id `aiken-<line>`, difficulty 3 and no tags.
 */
import type { Issue } from '../errors.ts';
import type { QuestionVersion } from '../question/model.ts';
import { OPTION_LABELS } from '../question/model.ts';
import { QUESTION_TYPE_MODULES, questionTypeModules } from '../question/types/registry.ts';
import { validateQuestion } from '../question/validate.ts';
import { finish, type ExportResult, type ImportOptions, type ImportResult } from './result.ts';
import { escapeMarkdown, splitLines, unescapeMarkdown } from './text.ts';

// An option line: its letter (half- or full-width) and text; `(A)` as well as `A.` `A)` `A、` `A．`.
const OPTION_LINE =
	/^(?:[(（][ \t]*([A-ZＡ-Ｚ])[ \t]*[)）]|([A-ZＡ-Ｚ])[ \t]*[.)．、）])[ \t\u00a0\u3000]*(.*)$/;

/**
 * The line that closes a question and names its answer (the rest of the line): `ANSWER:` in any
 * case, or the `答案：` people write in Chinese files, with either colon.
 */
export const AIKEN_ANSWER_LINE = /^[ \t]*(?:ANSWER|正确答案|答案)[ \t]*[:：]/i;

/** The option letter and text of a line, or undefined when it is no option line. */
function optionLine(t: string): [letter: string, text: string] | undefined {
	const m = OPTION_LINE.exec(t);
	return m ? [(m[1] ?? m[2])!.normalize('NFKC'), m[3]!] : undefined;
}

/**
 * Parses Aiken text.
 *
 * @param text - the file's text
 * @param options - `partial` for a preview
 * @returns questions and issues (codes `format.aiken.*`, each with the question's first `line`)
 * @example
 * parseAiken('题干\nA. 甲\nB. 乙\nANSWER: A').questions[0].type; // → 'single'
 */
export function parseAiken(text: string, options: ImportOptions = {}): ImportResult {
	// Aiken holds one type of question: the type whose module reads it
	const aiken = questionTypeModules().find((m) => m.aiken)!.aiken!;
	const entries: { question?: QuestionVersion; issues: Issue[] }[] = [];
	const issue = (code: string, line: number, data: Record<string, unknown> = {}) =>
		entries.push({ issues: [{ code, line, data: { line, ...data } }] });
	let cur: { line: number; stem: string[]; options: string[]; broken: boolean } | undefined;
	// Options (and their ANSWER line) met before any question: reported once, then skipped.
	let orphan = false;
	splitLines(text).forEach((raw, i) => {
		const t = raw.trim();
		const line = i + 1;
		if (!t) return;
		const head = AIKEN_ANSWER_LINE.exec(t);
		const answer = head ? t.slice(head[0].length).trim() : undefined;
		const option = optionLine(t);
		if (answer !== undefined) {
			const q = cur;
			cur = undefined;
			if (!q) {
				if (!orphan) issue('format.aiken.not_started', line);
				orphan = false;
				return;
			}
			if (q.broken) return;
			if (q.options.length === 0) return void issue('format.aiken.no_options', line);
			// the letter, alone or before its option's own text (`B. 七日`)
			const withText = optionLine(answer);
			const letter = (withText?.[0] ?? answer.normalize('NFKC')).toUpperCase();
			let at = OPTION_LABELS.slice(0, q.options.length).indexOf(letter);
			if (withText && q.options[at] !== escapeMarkdown(withText[1].trim())) at = -1;
			if (at < 0) return void issue('format.aiken.bad_answer', line, { value: answer });
			const question = {
				id: `aiken-${q.line}`,
				version: 1,
				// plain text: what the file says is what the candidate sees
				stem: escapeMarkdown(q.stem.join('\n')),
				difficulty: 3,
				laws: [],
				tags: [],
				...aiken.read(q.options, at)
			} as QuestionVersion;
			const issues = validateQuestion(question).errors.map((x) => ({
				code: 'format.aiken.question',
				line: q.line,
				path: x.path ?? '',
				data: { line: q.line, issue: { code: x.code, data: x.data ?? {} } }
			}));
			entries.push(issues.length ? { issues } : { question, issues: [] });
		} else if (option && !cur) {
			if (!orphan) issue('format.aiken.not_started', line);
			orphan = true;
		} else if (option && cur) {
			if (cur.broken) return;
			const expected = OPTION_LABELS[cur.options.length] ?? '';
			if (option[0] !== expected) {
				// one issue per question, and the rest of it skipped: a broken file stays linear
				cur.broken = true;
				return void issue('format.aiken.option_order', line, { value: option[0], expected });
			}
			cur.options.push(escapeMarkdown(option[1].trim()));
		} else {
			orphan = false;
			if (cur && cur.options.length > 0) {
				if (!cur.broken) issue('format.aiken.no_answer', cur.line);
				cur = undefined;
			}
			cur ??= { line, stem: [], options: [], broken: false };
			cur.stem.push(t);
		}
	});
	if (cur && !cur.broken) issue('format.aiken.no_answer', cur.line);
	return finish(entries, [], options);
}

/**
 * Writes single-choice questions as Aiken; other types, more than 26 options, and texts with line
 * breaks in options are reported and left out. Stems may have line breaks only if no stem line looks
 * like an option.
 *
 * @param questions - the question versions
 * @returns `output`: the text; `issues`: `format.export.unsupported` per question left out
 */
export function writeAiken(questions: readonly QuestionVersion[]): ExportResult<string> {
	const out: string[] = [];
	const issues: Issue[] = [];
	for (const q of questions) {
		const written = QUESTION_TYPE_MODULES[q.type].aiken?.write(q as never);
		const ok =
			written !== undefined &&
			written.options.every((o) => !/[\r\n]/.test(o) && o.trim() === o && o !== '') &&
			q.stem
				.split('\n')
				.every(
					(l) => l.trim() !== '' && !optionLine(l.trim()) && !AIKEN_ANSWER_LINE.test(l.trim())
				);
		if (!ok) {
			issues.push({
				code: 'format.export.unsupported',
				data: { questionId: q.id, type: q.type, format: 'Aiken' }
			});
			continue;
		}
		// Aiken is plain text: the escapes an import added come off again
		out.push(
			unescapeMarkdown(q.stem),
			...written.options.map((o, k) => `${OPTION_LABELS[k]}. ${unescapeMarkdown(o)}`),
			`ANSWER: ${OPTION_LABELS[written.answer]}`,
			''
		);
	}
	return { output: out.join('\n'), issues };
}
