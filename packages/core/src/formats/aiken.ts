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
 * Imported questions get the id `aiken-<line>`, difficulty 3 and no tags.
 */
import type { Issue } from '../errors.ts';
import type { ChoiceOption, QuestionVersion } from '../question/model.ts';
import { validateQuestion } from '../question/validate.ts';
import { finish, type ExportResult, type ImportOptions, type ImportResult } from './result.ts';

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
	const entries: { question?: QuestionVersion; issues: Issue[] }[] = [];
	let cur: { line: number; stem: string[]; options: ChoiceOption[] } | undefined;
	text.split(/\r?\n/).forEach((raw, i) => {
		const t = raw.trim();
		const line = i + 1;
		if (!t) return;
		if (!cur) cur = { line, stem: [], options: [] };
		const answer = /^ANSWER\s*[:：]\s*(.*)$/i.exec(t);
		const option = /^([A-Z])\s*[.)．、）]\s*(.*)$/.exec(t);
		if (answer) {
			const q = cur;
			cur = undefined;
			const letter = answer[1]!.trim().toUpperCase();
			const at = q.options.findIndex((o) => o.id === letter);
			if (at < 0) {
				entries.push({
					issues: [
						{ code: 'format.aiken.bad_answer', line, data: { line, value: answer[1]!.trim() } }
					]
				});
				return;
			}
			const question: QuestionVersion = {
				id: `aiken-${q.line}`,
				version: 1,
				type: 'single',
				stem: q.stem.join('\n'),
				difficulty: 3,
				laws: [],
				tags: [],
				options: q.options.map((o, k) => ({ ...o, correct: k === at }))
			};
			const issues = validateQuestion(question).map((x) => ({
				code: 'format.aiken.question',
				line: q.line,
				path: x.path ?? '',
				data: { line: q.line, issue: { code: x.code, data: x.data ?? {} } }
			}));
			entries.push(issues.length ? { issues } : { question, issues: [] });
		} else if (option && cur.stem.length > 0) {
			const expected = String.fromCharCode(65 + cur.options.length);
			if (option[1] !== expected) {
				entries.push({
					issues: [
						{ code: 'format.aiken.option_order', line, data: { line, value: option[1], expected } }
					]
				});
			}
			cur.options.push({ id: option[1]!, text: option[2]!.trim(), correct: false });
		} else if (cur.options.length > 0) {
			entries.push({
				issues: [{ code: 'format.aiken.no_answer', line: cur.line, data: { line: cur.line } }]
			});
			cur = { line, stem: [t], options: [] };
		} else cur.stem.push(t);
	});
	if (cur)
		entries.push({
			issues: [{ code: 'format.aiken.no_answer', line: cur.line, data: { line: cur.line } }]
		});
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
		const ok =
			q.type === 'single' &&
			q.options.length <= 26 &&
			q.options.every((o) => !/[\r\n]/.test(o.text) && o.text.trim() === o.text && o.text !== '') &&
			q.stem
				.split('\n')
				.every(
					(l) =>
						l.trim() !== '' &&
						!/^([A-Z])\s*[.)．、）]/.test(l.trim()) &&
						!/^ANSWER\s*[:：]/i.test(l.trim())
				);
		if (!ok || q.type !== 'single') {
			issues.push({
				code: 'format.export.unsupported',
				data: { questionId: q.id, type: q.type, format: 'Aiken' }
			});
			continue;
		}
		const letter = (k: number) => String.fromCharCode(65 + k);
		out.push(
			q.stem,
			...q.options.map((o, k) => `${letter(k)}. ${o.text}`),
			`ANSWER: ${letter(q.options.findIndex((o) => o.correct))}`,
			''
		);
	}
	return { output: out.join('\n'), issues };
}
