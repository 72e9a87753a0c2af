/**
 * Question validation: every problem found, each with a stable code and a path.
 */
import { ValidationError, type Issue } from '../errors.ts';
import { normaliseAnswer } from '../grading/normalise.ts';
import { MARKDOWN_MAX_DEPTH, MARKDOWN_MAX_LENGTH, markdownDepth } from './markdown-depth.ts';
import {
	QUESTION_TYPES,
	countBlankMarkers,
	type ChoiceOption,
	type QuestionBody,
	type QuestionVersion
} from './model.ts';

/**
 * Lists every problem with a question version (empty when it is valid).
 *
 * Rules: non-empty id and stem; integer version ≥ 1; integer difficulty 1–5; single choice has
 * ≥ 2 options and exactly one correct; multiple choice has ≥ 2 options and **at least one** correct
 * (not two: imported GIFT multiple-response questions may have one right answer, and grading
 * handles it); options have unique ids and non-empty, pairwise different texts (compared after
 * {@link normaliseAnswer}); fill-in has ≥ 1 blank, each with ≥ 1 non-empty fully correct answer and partial answers worth between 0 and 100 %, and the stem's `___`
 * markers match the blanks (or there are none and exactly one blank); a case has ≥ 1 part, parts are
 * any type but `case`, with positive weights; law references have a law id and a positive integer
 * article number when given. Every Markdown text (stems, options, feedback, explanations, reference
 * answers, rubrics) is at most {@link MARKDOWN_MAX_LENGTH} characters and nests at most
 * {@link MARKDOWN_MAX_DEPTH} levels deep (see {@link markdownDepth}).
 *
 * @param q - the question version
 * @returns the issues, codes under `question.`
 * @example
 * validateQuestion(q).map((i) => i.code); // → ['question.single.correct_count']
 */
export function validateQuestion(q: QuestionVersion): Issue[] {
	const issues: Issue[] = [];
	const add = (code: string, path: string, data?: Record<string, unknown>) =>
		issues.push(data ? { code, path, data } : { code, path });
	if (!q.id?.trim()) add('question.id.empty', 'id');
	if (!Number.isInteger(q.version) || q.version < 1)
		add('question.version.invalid', 'version', { value: q.version });
	if (!Number.isInteger(q.difficulty) || q.difficulty < 1 || q.difficulty > 5)
		add('question.difficulty.range', 'difficulty', { value: q.difficulty });
	if (q.points !== undefined && !(q.points > 0))
		add('question.points.invalid', 'points', { value: q.points });
	q.laws.forEach((law, i) => {
		if (!law.lawId?.trim()) add('question.law.empty', `laws.${i}.lawId`);
		if (law.articleNo !== undefined && !(Number.isInteger(law.articleNo) && law.articleNo > 0))
			add('question.law.article', `laws.${i}.articleNo`, { value: law.articleNo });
	});
	checkBody(q, '', add);
	if (q.type === 'case') {
		if (q.parts.length === 0) add('question.case.no_parts', 'parts');
		q.parts.forEach((part, i) => {
			const p = `parts.${i}.`;
			if ((part.type as string) === 'case') add('question.case.nested', `${p}type`);
			else checkBody(part, p, add);
			if (part.weight !== undefined && !(part.weight > 0))
				add('question.case.part_weight', `${p}weight`, { value: part.weight });
		});
	}
	return issues;
}

function checkBody(
	q: QuestionBody,
	p: string,
	add: (code: string, path: string, data?: Record<string, unknown>) => void
): void {
	if (!(QUESTION_TYPES as readonly string[]).includes(q.type)) {
		add('question.type.unknown', `${p}type`, { value: q.type });
		return;
	}
	if (!q.stem?.trim()) add('question.stem.empty', `${p}stem`);
	checkMarkdown(q.stem, `${p}stem`, add);
	checkMarkdown(q.explanation, `${p}explanation`, add);
	switch (q.type) {
		case 'single':
		case 'multiple': {
			checkOptions(q.options, p, add);
			const correct = q.options.filter((o) => o.correct).length;
			if (q.type === 'single' && correct !== 1)
				add('question.single.correct_count', `${p}options`, { count: correct });
			if (q.type === 'multiple' && correct < 1) add('question.multiple.no_correct', `${p}options`);
			break;
		}
		case 'fill': {
			if (q.blanks.length === 0) add('question.fill.no_blanks', `${p}blanks`);
			q.blanks.forEach((b, i) => {
				if (b.answers.length === 0 || b.answers.some((a) => !a.trim()))
					add('question.fill.blank_empty', `${p}blanks.${i}`, { blank: i + 1 });
				b.partial?.forEach((a) => {
					if (!a.text.trim() || !(a.fraction > 0 && a.fraction < 1))
						add('question.fill.partial', `${p}blanks.${i}`, {
							blank: i + 1,
							value: a.text,
							percent: Math.round(a.fraction * 100)
						});
				});
			});
			const markers = countBlankMarkers(q.stem ?? '');
			if (
				q.blanks.length > 0 &&
				markers !== q.blanks.length &&
				!(markers === 0 && q.blanks.length === 1)
			)
				add('question.fill.blank_count', `${p}blanks`, { markers, blanks: q.blanks.length });
			break;
		}
		case 'essay':
			checkMarkdown(q.referenceAnswer, `${p}referenceAnswer`, add);
			checkMarkdown(q.rubric, `${p}rubric`, add);
			break;
		default:
			break;
	}
}

/** A Markdown text that every renderer can show: bounded in length and in nesting. */
function checkMarkdown(
	text: string | undefined,
	path: string,
	add: (code: string, path: string, data?: Record<string, unknown>) => void
): void {
	if (!text) return;
	if (text.length > MARKDOWN_MAX_LENGTH)
		add('question.markdown.too_long', path, { length: text.length, max: MARKDOWN_MAX_LENGTH });
	else if (markdownDepth(text) > MARKDOWN_MAX_DEPTH)
		add('question.markdown.too_deep', path, { max: MARKDOWN_MAX_DEPTH });
}

function checkOptions(
	options: readonly ChoiceOption[],
	p: string,
	add: (code: string, path: string, data?: Record<string, unknown>) => void
): void {
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
 * Throws a {@link ValidationError} listing every issue when the question is invalid.
 *
 * @param q - the question version
 * @returns the same question, for chaining
 */
export function assertValidQuestion<Q extends QuestionVersion>(q: Q): Q {
	const issues = validateQuestion(q);
	if (issues.length > 0) throw new ValidationError(issues);
	return q;
}
