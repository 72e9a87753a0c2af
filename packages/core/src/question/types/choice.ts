/**
 * What the two choice types (single and multiple) share: options, labels, the row format's option
 * columns and answer letters, GIFT options.
 */
import { ROW_OPTION_LETTERS, optionColumn } from '../../formats/row-fields.ts';
import { normaliseAnswer } from '../../grading/normalise.ts';
import type { CandidateOption } from '../candidate-question.ts';
import { OPTION_LABELS, type ChoiceOption } from '../model.ts';
import { checkMarkdown } from './common.ts';
import type { AddIssue, GiftAnswer, GiftEscape, RowCells, RowReadInput } from './module.ts';

/**
 * Checks a choice's options: at least two, unique non-empty ids, non-empty texts pairwise
 * different after {@link normaliseAnswer}, bounded Markdown.
 *
 * @param options - the options
 * @param p - the body's path prefix
 * @param add - collects issues
 */
export function checkOptions(options: readonly ChoiceOption[], p: string, add: AddIssue): void {
	if (options.length < 2)
		add('question.options.too_few', `${p}options`, { count: options.length, min: 2 });
	const ids = new Set<string>();
	const texts = new Map<string, number>();
	options.forEach((o, i) => {
		if (!o.id?.trim() || ids.has(o.id))
			add('question.option.duplicate_id', `${p}options.${i}.id`, { id: o.id });
		ids.add(o.id);
		checkMarkdown(o.feedback, `${p}options.${i}.feedback`, add);
		if (!o.text?.trim()) {
			add('question.option.empty', `${p}options.${i}.text`, { option: i + 1 });
			return;
		}
		checkMarkdown(o.text, `${p}options.${i}.text`, add);
		const key = normaliseAnswer(o.text);
		const first = texts.get(key);
		if (first !== undefined)
			add('question.option.duplicate', `${p}options.${i}.text`, { option: i + 1, same: first + 1 });
		else texts.set(key, i);
	});
}

/**
 * Maps display labels back to option ids (unknown labels are dropped, duplicates removed).
 *
 * @param labels - the labels chosen (`A` = first option shown)
 * @param options - the question's options
 * @param order - option ids in display order; the question's own order when absent
 * @returns the option ids chosen
 */
export function mapLabels(
	labels: readonly string[],
	options: readonly ChoiceOption[],
	order: readonly string[] | undefined
): string[] {
	const ids = order ?? options.map((o) => o.id);
	const out: string[] = [];
	for (const label of labels) {
		// one letter: the labels are a string, where "AB" or "" would be found at the start
		const letter = label.trim().toUpperCase();
		const id = letter.length === 1 ? ids[OPTION_LABELS.indexOf(letter)] : undefined;
		if (id !== undefined && !out.includes(id)) out.push(id);
	}
	return out;
}

/**
 * Lists options as the candidate sees them: in `order` (option ids), labelled A, B, C, ….
 *
 * @param options - the question's options
 * @param order - option ids in display order (a paper item's `optionOrder`); the question's own order when absent
 * @returns labels and texts only
 */
export function displayOptions(
	options: readonly ChoiceOption[],
	order?: readonly string[]
): CandidateOption[] {
	const ordered = order
		? order.map((id) => options.find((o) => o.id === id)!).filter(Boolean)
		: options;
	return ordered.map((o, i) => ({ label: OPTION_LABELS[i]!, text: o.text }));
}

/** Labels from untrusted data: the strings among `raw` that name an option label. */
export function labelsOf(raw: unknown): string[] {
	return Array.isArray(raw)
		? raw.filter((l): l is string => typeof l === 'string' && l.trim() !== '')
		: [];
}

/**
 * A choice's options from a row: the option columns from A up to the last non-empty one, the
 * answer letters marking the right ones (a bad answer is reported and leaves none marked).
 *
 * @param row - the row
 * @param many - whether several letters may be given (multiple choice)
 * @returns the options
 */
export function readRowOptions(row: RowReadInput, many: boolean): ChoiceOption[] {
	let last = -1;
	for (let k = 0; k < ROW_OPTION_LETTERS.length; k++) if (row.cell(optionColumn(k))) last = k;
	const written = row.answer
		.normalize('NFKC')
		.toUpperCase()
		.replace(/[\s,，、;；/|｜]/g, '')
		// the letters as an option is labelled: `A.` `（A）` `【AB】` `[AB]`
		.replace(/^(?:\(([A-Z]+)\)|【([A-Z]+)】|\[([A-Z]+)\]|([A-Z]+)[.。])$/, '$1$2$3$4');
	const letters = /^[A-Z]*$/.test(written)
		? written
		: (answerByText(row, last, many) ?? joinedLetters(written) ?? written);
	const valid =
		letters.length > 0 &&
		[...letters].every((l) => ROW_OPTION_LETTERS.includes(l)) &&
		(many || letters.length === 1);
	const outside = valid
		? [...letters].find((l) => ROW_OPTION_LETTERS.indexOf(l) > last)
		: undefined;
	if (!valid) row.error(choiceAnswerIssue(written, letters, many), '答案', { value: row.answer });
	else if (outside) row.error('format.row.answer_option', '答案', { value: outside });
	const options: ChoiceOption[] = [];
	for (let k = 0; k <= last; k++) {
		const l = ROW_OPTION_LETTERS[k]!;
		const correct = valid && !outside && letters.includes(l);
		options.push({ id: l, text: row.cell(optionColumn(k)), correct });
	}
	return options;
}

/**
 * The letters of an answer that joins single letters with `.` `+` or `&` as other systems write
 * it (`A.C`, `A+C`, `[A.C]`); read only once the answer is found to be no option's text, since an
 * option may itself read `A+C`.
 */
function joinedLetters(written: string): string | undefined {
	const inner = written.replace(/^(?:\((.*)\)|【(.*)】|\[(.*)\])$/, '$1$2$3');
	return /^[A-Z](?:[.+&][A-Z])+$/.test(inner) ? inner.replace(/[.+&]/g, '') : undefined;
}

/**
 * Why an answer names no option, as the organiser can mend it: none written, several letters for a
 * single choice (a 多选题 typed as 单选), or neither letters nor an option's text.
 */
function choiceAnswerIssue(written: string, letters: string, many: boolean): string {
	if (!written) return 'format.row.answer_empty';
	const options = [...letters].every((l) => ROW_OPTION_LETTERS.includes(l));
	return !many && letters.length > 1 && /^[A-Z]+$/.test(letters) && options
		? 'format.row.answer_one'
		: 'format.row.answer_choice';
}

// A letter with its option's own text, as an answer key prints it: `B.七日` `C、记过`.
const LETTER_WITH_TEXT = /^([A-HＡ-Ｈa-hａ-ｈ])[ \t]*[.．、:：)）][ \t]*(\S.*)$/su;

/**
 * The letters of the options an answer names by their texts (`罚款`, `警告、罚款`) rather than by
 * their letters, as some platforms export it, or by both (`B.七日`, `A.警告;B.罚款`): the whole
 * answer as one option's text, or (multiple choice) each of its parts; undefined unless every text
 * is exactly one option's (with a letter: that letter's option's).
 */
function answerByText(row: RowReadInput, last: number, many: boolean): string | undefined {
	const texts = ROW_OPTION_LETTERS.slice(0, last + 1)
		.split('')
		.map((l, k) => row.cell(optionColumn(k)));
	const letterOf = (t: string) => {
		const k = texts.indexOf(t.trim());
		if (k >= 0) return texts.lastIndexOf(t.trim()) === k ? ROW_OPTION_LETTERS[k] : undefined;
		const [, letter = '', text = ''] = LETTER_WITH_TEXT.exec(t.trim()) ?? [];
		const named = letter.normalize('NFKC').toUpperCase();
		return named && texts[ROW_OPTION_LETTERS.indexOf(named)] === text.trim() ? named : undefined;
	};
	const whole = letterOf(row.answer);
	if (whole || !many) return whole;
	const parts = row.answer.split(/[,，、;；|｜\n]/).filter((t) => t.trim());
	const found = parts.map(letterOf);
	return found.length > 0 && found.every(Boolean) ? found.join('') : undefined;
}

/**
 * A choice's row cells: its options in 选项A…, its right ones as letters in 答案; undefined when it
 * has more options than the row format has columns.
 *
 * @param options - the options
 * @returns the cells
 */
export function writeRowOptions(options: readonly ChoiceOption[]): RowCells | undefined {
	if (options.length > ROW_OPTION_LETTERS.length) return undefined;
	const cells: RowCells = {};
	options.forEach((o, k) => (cells[optionColumn(k)] = o.text));
	cells['答案'] = options.flatMap((o, k) => (o.correct ? [ROW_OPTION_LETTERS[k]!] : [])).join('');
	return cells;
}

/** More answers than this in one GIFT block cannot be options (a choice shows at most 26). */
export const MAX_OPTIONS = OPTION_LABELS.length;

/**
 * The option at position `k` (id `A`, `B`, … as the importers give them).
 *
 * @param k - the 0-based position
 * @param text - the option text
 * @param correct - whether it is (one of) the right ones
 * @param feedback - its feedback, if any
 * @returns the option
 */
export function optionAt(
	k: number,
	text: string,
	correct: boolean,
	feedback?: string
): ChoiceOption {
	return { id: OPTION_LABELS[k] ?? `o${k + 1}`, text, correct, ...(feedback ? { feedback } : {}) };
}

/** An option read from a GIFT answer. */
export const giftOption = (a: GiftAnswer, k: number, correct: boolean) =>
	optionAt(k, a.text, correct, a.feedback);

/** An option written as a GIFT answer after its mark (`=`, `~`, `~%50%`). */
export function giftOptionText(o: ChoiceOption, escape: GiftEscape): string {
	return `${escape(o.text)}${o.feedback ? `#${escape(o.feedback)}` : ''}`;
}

/** The weight of a GIFT answer in percent: as written, else 100 for `=` and 0 for `~`. */
export const giftWeight = (a: GiftAnswer) => a.weight ?? (a.mark === '=' ? 100 : 0);

/** A percentage as GIFT messages show it. */
export const percent = (w: number) => Math.round(w * 1000) / 1000;
