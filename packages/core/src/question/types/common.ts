/**
 * What the question types share: building a grade, checking Markdown, and dispatching one body to
 * its type's module (given the modules to dispatch through, so that the case type can use the same
 * code for its parts without importing the registry that lists it).
 */
import type { GradeStatus, ItemGrade, Response } from '../../grading/types.ts';
import type { CandidateQuestion } from '../candidate-question.ts';
import { MARKDOWN_MAX_DEPTH, MARKDOWN_MAX_LENGTH, markdownDepth } from '../markdown-depth.ts';
import type { QuestionBody, QuestionType } from '../model.ts';
import type { AddIssue, GradeInput, QuestionTypeModule, RowCells, ViewInput } from './module.ts';

/** Modules by type: the whole registry, or the part types' registry. */
export type TypeModules<T extends QuestionType = QuestionType> = {
	readonly [K in T]: QuestionTypeModule<K>;
};

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The grade of a body that earned `fraction` of its points (clamped to [0, 1], score rounded to 0.01).
 *
 * @param at - the body's grading input
 * @param fraction - the share earned
 * @param selected - the option ids chosen (choice types), for statistics
 * @returns the grade, `correct` / `partial` / `wrong` by the fraction
 */
export function graded(at: GradeInput, fraction: number, selected?: string[]): ItemGrade {
	const f = Math.max(0, Math.min(1, fraction));
	const status: GradeStatus = f >= 1 ? 'correct' : f > 0 ? 'partial' : 'wrong';
	return {
		questionId: at.id,
		points: at.points,
		score: round2(f * at.points),
		fraction: f,
		status,
		...(selected ? { selected } : {})
	};
}

/**
 * The grade of a body left unanswered: no points.
 *
 * @param at - the body's grading input
 * @returns the grade
 */
export function unanswered(at: GradeInput): ItemGrade {
	return { questionId: at.id, points: at.points, score: 0, fraction: 0, status: 'unanswered' };
}

/**
 * Checks that a Markdown text every renderer can show: bounded in length and in nesting.
 *
 * @param text - the text (nothing to check when absent)
 * @param path - where it is
 * @param add - collects issues
 */
export function checkMarkdown(text: string | undefined, path: string, add: AddIssue): void {
	if (!text) return;
	if (text.length > MARKDOWN_MAX_LENGTH)
		add('question.markdown.too_long', path, { length: text.length, max: MARKDOWN_MAX_LENGTH });
	else if (markdownDepth(text) > MARKDOWN_MAX_DEPTH)
		add('question.markdown.too_deep', path, { max: MARKDOWN_MAX_DEPTH });
}

/** The module of a body's type among `modules`, or undefined for a type they do not list. */
export function moduleOf(
	modules: Partial<TypeModules>,
	type: string
): QuestionTypeModule | undefined {
	return Object.hasOwn(modules, type)
		? (modules[type as QuestionType] as QuestionTypeModule | undefined)
		: undefined;
}

/**
 * Validates one body: a known type, a stem, bounded Markdown, then the type's own rules.
 *
 * @param modules - the types allowed here
 * @param body - the body
 * @param path - its path prefix (`''` or `parts.2.`)
 * @param add - collects issues
 */
export function validateBody(
	modules: Partial<TypeModules>,
	body: QuestionBody,
	path: string,
	add: AddIssue
): void {
	const mod = moduleOf(modules, body.type);
	if (!mod) {
		add('question.type.unknown', `${path}type`, { value: body.type });
		return;
	}
	if (!body.stem?.trim()) add('question.stem.empty', `${path}stem`);
	checkMarkdown(body.stem, `${path}stem`, add);
	checkMarkdown(body.explanation, `${path}explanation`, add);
	mod.validate(body as never, path, add);
}

/**
 * Grades one body through its type (an unknown type grades as unanswered rather than crash:
 * validation rejects it).
 *
 * @param modules - the types allowed here
 * @param body - the body
 * @param response - the response (undefined: unanswered)
 * @param at - points, option order, policy and manual scores
 * @returns the grade
 */
export function gradeBody(
	modules: Partial<TypeModules>,
	body: QuestionBody,
	response: Response | undefined,
	at: GradeInput
): ItemGrade {
	const mod = moduleOf(modules, body.type);
	return mod ? mod.grade(body as never, response, at) : unanswered(at);
}

/**
 * The candidate's view of one body through its type.
 *
 * @param modules - the types allowed here
 * @param body - the body
 * @param at - points and option order
 * @returns the view
 */
export function viewBody(
	modules: Partial<TypeModules>,
	body: QuestionBody,
	at: ViewInput
): CandidateQuestion {
	const mod = moduleOf(modules, body.type);
	return mod ? mod.view(body as never, at) : { type: body.type, stem: body.stem };
}

/**
 * The row of one body: 题型, 题干, 解析 and the type's own cells, or undefined when the row
 * format cannot hold it.
 *
 * @param modules - the types allowed here
 * @param body - the body
 * @returns the cells
 */
export function bodyRow(modules: Partial<TypeModules>, body: QuestionBody): RowCells | undefined {
	const mod = moduleOf(modules, body.type);
	const own = mod?.rows.write(body as never);
	if (!mod || !own) return undefined;
	return { 题型: mod.rowNames[0]!, 题干: body.stem, 解析: body.explanation ?? '', ...own };
}
