/**
 * Question validation: every problem found, each with a stable code and a path.
 */
import { ValidationError, type Issue } from '../errors.ts';
import { result, type ValidationResult } from '../rule-result.ts';
import type { QuestionVersion } from './model.ts';
import { validateBody } from './types/common.ts';
import { QUESTION_TYPE_MODULES } from './types/registry.ts';

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
 * @returns `{ ok, errors, warnings }`, codes under `question.` (no warnings: every problem blocks)
 * @example
 * validateQuestion(q).errors.map((i) => i.code); // → ['question.single.correct_count']
 */
export function validateQuestion(q: QuestionVersion): ValidationResult {
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
	// the stem, Markdown and the type's own rules (a case's parts through their types)
	validateBody(QUESTION_TYPE_MODULES, q, '', add);
	return result(issues);
}

/**
 * Throws a {@link ValidationError} listing every issue when the question is invalid.
 *
 * @param q - the question version
 * @returns the same question, for chaining
 */
export function assertValidQuestion<Q extends QuestionVersion>(q: Q): Q {
	const { errors } = validateQuestion(q);
	if (errors.length > 0) throw new ValidationError(errors);
	return q;
}
