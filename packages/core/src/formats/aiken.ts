/**
 * Aiken (Moodle's simplest format): single-choice questions, and multiple choice as Chinese files
 * write it (`答案：AB`, `答案：A、C`).
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
 * (`ANSWER: B. 七日`); options on one line (`A.三日 B.七日 C.十日`); a 判断题 with no options and
 * a true/false answer (`答案：正确`, `ANSWER: ×`) as true/false; a question number before the
 * stem (`1.` `1、` `（1）` `第1题`) is left out, and
 * a `解析：` (or `EXPLANATION:`) line right after the answer line is the question's explanation.
 * Options written with a space alone after the letter (`A 三日`) are read as options when every
 * option of the question is written so, as the last lines before its answer line: a stem line such
 * as `A 公司…` is then still the stem's. An answer of letters joined by hyphens (`A-B`) names those
 * options when no hyphen could be read as a range (`A-C`: A and C, or A to C?).
 * An option line before any question is reported at its line (`format.aiken.not_started`), never
 * read as a stem. The file is plain text: Markdown and HTML characters are escaped so that they
 * show as typed. Imported questions get the id `aiken-<line>`, difficulty 3 and no tags.
 */
import type { Issue } from '../errors.ts';
import type { QuestionVersion } from '../question/model.ts';
import type { TypeBody } from '../question/types/module.ts';
import { OPTION_LABELS } from '../question/model.ts';
import { QUESTION_TYPE_MODULES, questionTypeModules } from '../question/types/registry.ts';
import { validateQuestion } from '../question/validate.ts';
import {
	finish,
	tooManyQuestions,
	type ExportResult,
	type ImportOptions,
	type ImportResult
} from './result.ts';
import { escapeMarkdown, splitLines, stripInvisible, unescapeMarkdown } from './text.ts';

// An option line: its letter (half- or full-width) and text; `(A)` as well as `A.` `A)` `A、` `A．`.
const OPTION_LINE =
	/^(?:[(（][ \t]*([A-ZＡ-Ｚ])[ \t]*[)）]|([A-ZＡ-Ｚ])[ \t]*[.)．、）])[ \t\u00a0\u3000]*(.*)$/;

/**
 * The line that closes a question and names its answer (the rest of the line): `ANSWER:` in any
 * case, or the `答案：` people write in Chinese files, with either colon.
 */
export const AIKEN_ANSWER_LINE = /^[ \t]*(?:ANSWER|正确答案|答案)[ \t]*[:：]/i;

// An option written with only a space after its letter (`A 三日`): read as one only at the end of
// a question none of whose options is written otherwise (see spacedOptions).
const SPACED_OPTION_LINE = /^([A-ZＡ-Ｚ])[ \t\u00a0\u3000]+(\S.*)$/;

/** The option letter and text of a line, or undefined when it is no option line. */
function optionLine(t: string): [letter: string, text: string] | undefined {
	const m = OPTION_LINE.exec(t);
	return m ? [(m[1] ?? m[2])!.normalize('NFKC'), m[3]!] : undefined;
}

// the explanation line after an answer, as Chinese files and some exports write it
const EXPLANATION_LINE = /^[ \t]*(?:EXPLANATION|FEEDBACK|答案解析|试题解析|解析)[ \t]*[:：]/i;

// a question's number before its stem: `1.` `1．` `1、` `1)` `（1）` `第1题`, not `3.14`
const QUESTION_NUMBER =
	/^(?:第[ \t]*\d{1,4}[ \t]*题[ \t.．、:：]*|[(（][ \t]*\d{1,4}[ \t]*[)）][ \t]*|\d{1,4}[ \t]*[.．、)）](?!\d)[ \t]*)/;

// the label of the option after `letter` (B after A …), right after a space on the same line
const nextLabel = (letter: string) => {
	const l = OPTION_LABELS[OPTION_LABELS.indexOf(letter) + 1];
	if (!l) return undefined;
	const L = `[${l}${String.fromCharCode(l.charCodeAt(0) + 0xfee0)}]`;
	return new RegExp(`(?<=\\s)(?:[(（][ \\t]*${L}[ \\t]*[)）]|${L}[ \\t]*[.)．、）])`);
};

/**
 * The options of a line that starts with A's and holds the next ones too (`A.三日 B.七日 C.十日`,
 * as compact exports write them), each split off before the next letter's label after a space;
 * any other option line is one option.
 */
function optionsOnLine(first: [letter: string, text: string]): [string, string][] {
	if (first[0] !== 'A') return [first];
	const out: [string, string][] = [];
	let current = first;
	for (;;) {
		const found = nextLabel(current[0])?.exec(current[1]);
		const next = found ? optionLine(current[1].slice(found.index)) : undefined;
		if (!found || !next) break;
		out.push([current[0], current[1].slice(0, found.index)]);
		current = next;
	}
	out.push(current);
	return out;
}

/**
 * The options at the end of a question's stem lines written `A 三日` (a space alone after the
 * letter): the last run of lines lettered A, B, C… in order up to the last line, of at least
 * `least`, with a stem line left before them. Undefined when the stem does not end so.
 */
function spacedOptions(
	stem: readonly string[],
	least = 2
): { stem: string[]; options: string[] } | undefined {
	// the last line's letter is the run's last, so it tells the run's length: only those lines are
	// read (trying every start instead was quadratic on a long stem, a whole file without options)
	const last = SPACED_OPTION_LINE.exec(stem.at(-1) ?? '');
	const length = last ? OPTION_LABELS.indexOf(last[1]!.normalize('NFKC')) + 1 : 0;
	const from = stem.length - length;
	if (length < least || from < 1) return undefined;
	const options: string[] = [];
	for (let k = 0; k < length; k++) {
		const m = SPACED_OPTION_LINE.exec(stem[from + k]!);
		if (!m || m[1]!.normalize('NFKC') !== OPTION_LABELS[k]) return undefined;
		options.push(escapeMarkdown(m[2]!.trim()));
	}
	return { stem: stem.slice(0, from), options };
}

/**
 * A true/false question's answer, for a question with no options (`答案：正确`, `ANSWER: ×`), as
 * Chinese files write 判断题 among their choices; undefined for any other answer.
 */
function trueFalseAnswer(answer: string): TypeBody | undefined {
	let wrong = false;
	const body = QUESTION_TYPE_MODULES.truefalse.rows.read({
		answer,
		cell: () => '',
		isPart: false,
		error: () => void (wrong = true)
	});
	return wrong ? undefined : body;
}

/**
 * The options an answer names, in order: one letter or several (`B`, `AB`, `A,C`, `A、C`,
 * `（B）`), or a letter with its option's own text (`B. 七日`); undefined when it names a letter
 * that is not an option, one twice, or anything else.
 */
function answerIndexes(answer: string, options: readonly string[]): number[] | undefined {
	const letters = answer
		.normalize('NFKC')
		.toUpperCase()
		.replace(/^[(（【[][ \t]*|[ \t]*[)）】\]]$|[.。][ \t]*$/g, '')
		// `A-B`: a hyphen between neighbours is the same as a separator or a range; between others
		// (`A-C`) it is left, and the answer refused
		.replace(/([A-Z])[ \t]*[-－–—][ \t]*(?=([A-Z]))/g, (whole, a: string, b: string) =>
			b.charCodeAt(0) === a.charCodeAt(0) + 1 ? `${a},` : whole
		);
	let at: number[];
	if (/^[A-Z](?:[ \t,，、;；/]*[A-Z])*$/.test(letters)) {
		at = [...letters.replace(/[^A-Z]/g, '')].map((l) => OPTION_LABELS.indexOf(l));
	} else {
		const withText = optionLine(answer);
		const k = withText ? OPTION_LABELS.indexOf(withText[0].toUpperCase()) : -1;
		if (!withText || options[k] !== escapeMarkdown(withText[1].trim())) return undefined;
		at = [k];
	}
	if (at.some((k) => k < 0 || k >= options.length) || new Set(at).size < at.length)
		return undefined;
	return at.sort((a, b) => a - b);
}

/**
 * Parses Aiken text.
 *
 * @param text - the file's text
 * @param options - `partial` for a preview; `maxQuestions` to stop at a number of questions
 * @returns questions and issues (codes `format.aiken.*`, each with the question's first `line`)
 * @example
 * parseAiken('题干\nA. 甲\nB. 乙\nANSWER: A').questions[0].type; // → 'single'
 */
export function parseAiken(text: string, options: ImportOptions = {}): ImportResult {
	// the types whose modules read Aiken: one for a single answer letter, one for several
	const readers = new Map(
		questionTypeModules().flatMap((m) => (m.aiken ? [[m.aiken.answers, m.aiken] as const] : []))
	);
	const entries: { question?: QuestionVersion; issues: Issue[] }[] = [];
	// the question an answer line has just closed: a `解析：` line may follow it
	let closed: QuestionVersion | undefined;
	const issue = (code: string, line: number, data: Record<string, unknown> = {}) =>
		entries.push({ issues: [{ code, line, data: { line, ...data } }] });
	let cur: { line: number; stem: string[]; options: string[]; broken: boolean } | undefined;
	// Options (and their ANSWER line) met before any question: reported once, then skipped.
	let orphan = false;
	const max = options.maxQuestions ?? Infinity;
	let started = 0;
	// the line of the first question past `max`: the lines after it are not read
	let over: number | undefined;
	splitLines(stripInvisible(text)).forEach((raw, i) => {
		const t = raw.trim();
		const line = i + 1;
		if (!t || over !== undefined) return;
		const head = AIKEN_ANSWER_LINE.exec(t);
		const answer = head ? t.slice(head[0].length).trim() : undefined;
		const option = optionLine(t);
		const explains = closed && !cur ? EXPLANATION_LINE.exec(t) : null;
		if (explains && closed) {
			const text = escapeMarkdown(t.slice(explains[0].length).trim());
			if (text) closed.explanation = closed.explanation ? `${closed.explanation}\n${text}` : text;
			return;
		}
		closed = undefined;
		if (answer !== undefined) {
			const q = cur;
			cur = undefined;
			if (!q) {
				if (!orphan) issue('format.aiken.not_started', line);
				orphan = false;
				return;
			}
			if (q.broken) return;
			let body: TypeBody | undefined;
			if (q.options.length === 0) {
				body = trueFalseAnswer(answer);
				// else its options may be the stem's last lines, written `A 三日`
				if (!body) Object.assign(q, spacedOptions(q.stem));
				if (!body && q.options.length === 0) return void issue('format.aiken.no_options', line);
			}
			if (!body) {
				const at = answerIndexes(answer, q.options);
				const reader = at && readers.get(at.length > 1 ? 'several' : 'one');
				if (!at || !reader) return void issue('format.aiken.bad_answer', line, { value: answer });
				body = reader.read(q.options, at);
			}
			const question = {
				id: `aiken-${q.line}`,
				version: 1,
				// plain text: what the file says is what the candidate sees
				stem: escapeMarkdown(q.stem.join('\n')),
				difficulty: 3,
				laws: [],
				tags: [],
				...body
			} as QuestionVersion;
			const issues = validateQuestion(question).errors.map((x) => ({
				code: 'format.aiken.question',
				line: q.line,
				path: x.path ?? '',
				data: { line: q.line, issue: { code: x.code, data: x.data ?? {} } }
			}));
			entries.push(issues.length ? { issues } : { question, issues: [] });
			if (!issues.length) closed = question;
		} else if (option && !cur) {
			if (!orphan) issue('format.aiken.not_started', line);
			orphan = true;
		} else if (option && cur) {
			if (cur.broken) return;
			for (const [letter, text] of optionsOnLine(option)) {
				const expected = OPTION_LABELS[cur.options.length] ?? '';
				const before = cur.options.length === 0 && spacedOptions(cur.stem, 1);
				if (letter !== expected && before && OPTION_LABELS[before.options.length] === letter) {
					// the options before it were written `A 三日`: not guessed at, as below
					cur.broken = true;
					return void issue('format.aiken.option_form', line, { value: letter });
				}
				if (letter !== expected) {
					// one issue per question, and the rest of it skipped: a broken file stays linear
					cur.broken = true;
					return void issue('format.aiken.option_order', line, { value: letter, expected });
				}
				cur.options.push(escapeMarkdown(text.trim()));
			}
		} else {
			orphan = false;
			// a broken question's further options written `A 三日` are still its own: skipped, not
			// the stem of a new question that its answer line would report again as without options
			if (cur?.broken && SPACED_OPTION_LINE.test(t)) return;
			const spaced = cur && cur.options.length > 0 && !cur.broken && SPACED_OPTION_LINE.exec(t);
			if (cur && spaced && spaced[1]!.normalize('NFKC') === OPTION_LABELS[cur.options.length]) {
				// the question's next option, but written as its others are not: which it is, is a guess
				cur.broken = true;
				return void issue('format.aiken.option_form', line, { value: spaced[1] });
			}
			if (cur && cur.options.length > 0) {
				if (!cur.broken) issue('format.aiken.no_answer', cur.line);
				cur = undefined;
			}
			if (!cur && ++started > max) return void (over = line);
			cur ??= { line, stem: [], options: [], broken: false };
			// the question's number is the file's, not the stem's
			const text = cur.stem.length === 0 ? t.replace(QUESTION_NUMBER, '') : t;
			if (text) cur.stem.push(text);
		}
	});
	if (over !== undefined) return tooManyQuestions(over, max);
	if (cur && !cur.broken) issue('format.aiken.no_answer', cur.line);
	return finish(entries, [], options);
}

/**
 * Why a question cannot be written as Aiken so that an import reads it back the same, or
 * undefined when it can (with its option texts and answer).
 */
function aikenWritten(
	q: QuestionVersion
): { reason: string } | { options: string[]; answer: number } {
	// a true/false question written as two options 对/错 would come back as single choice
	if (q.type === 'truefalse') return { reason: 'format.export.aiken.truefalse' };
	const written = QUESTION_TYPE_MODULES[q.type].aiken?.write(q as never);
	if (!written) return { reason: 'format.export.aiken.type' };
	if (!written.options.every((o) => !/[\r\n]/.test(o) && o.trim() === o && o !== ''))
		return { reason: 'format.export.aiken.option' };
	// an A whose text holds ` B.` would be read back as two options (see optionsOnLine)
	const first = written.options[0];
	if (first !== undefined && optionsOnLine(['A', unescapeMarkdown(first)]).length > 1)
		return { reason: 'format.export.aiken.option' };
	const lines = q.stem.split('\n').map((l) => l.trim());
	if (lines.some((l) => l === '' || optionLine(l) || AIKEN_ANSWER_LINE.test(l)))
		return { reason: 'format.export.aiken.stem' };
	// a stem that begins as a question number would lose it on import
	if (QUESTION_NUMBER.test(unescapeMarkdown(lines[0]!)))
		return { reason: 'format.export.aiken.numbered' };
	return written;
}

/**
 * Writes single-choice questions as Aiken. Every other question is reported and left out, with
 * the reason: another type (true/false too: as two options it would import back as single
 * choice), more options than letters, an option that is empty, spans lines or has spaces at
 * its ends, a stem with a blank line or a line that reads as an option or answer line, or a stem
 * that begins as a question number does (`1.`).
 *
 * @param questions - the question versions
 * @returns `output`: the text; `issues`: one per question left out, its code the reason
 *   (`format.export.aiken.type`, `.truefalse`, `.option`, `.stem`, `.numbered`)
 * @example
 * writeAiken([trueFalse]).issues[0].code; // → 'format.export.aiken.truefalse'
 */
export function writeAiken(questions: readonly QuestionVersion[]): ExportResult<string> {
	const out: string[] = [];
	const issues: Issue[] = [];
	for (const q of questions) {
		const written = aikenWritten(q);
		if ('reason' in written) {
			issues.push({
				code: written.reason,
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
