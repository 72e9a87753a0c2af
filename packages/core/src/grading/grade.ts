/**
 * Grading: a response becomes a fraction in [0, 1] × points, under a stated policy.
 */
import type { Paper, PaperItem } from '../paper/assemble.ts';
import { gradeBody } from '../question/types/common.ts';
import { QUESTION_TYPE_MODULES } from '../question/types/registry.ts';
import {
	DEFAULT_GRADING_POLICY,
	type AttemptGrade,
	type GradingPolicy,
	type ItemGrade,
	type ManualScores,
	type Response,
	type Responses
} from './types.ts';

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Grades every item of a paper.
 *
 * Each item is graded by its type's module ({@link questionTypeModule}). Single and true/false: exact. Fill-in: each blank earns 1 when it equals one accepted answer after
 * {@link normaliseAnswer}, or the fraction of a matching partial answer; the question's fraction
 * is the mean over its blanks. Multiple: per `policy`. Essay:
 * pending until `manual` holds a score for it (0 … points, else a `RuleError`
 * `grading.manual.out_of_range`). Case: the sum of its parts, the points split by part weight.
 *
 * @param paper - the full paper (with answer keys)
 * @param responses - the candidate's responses by question id
 * @param policy - the exam's grading policy
 * @param manual - scores given by graders
 * @returns the attempt's grade
 * @example
 * const grade = gradePaper(paper, { q1: { type: 'single', choice: 'B' } }, { multiple: 'partial', partialFraction: 0.5 });
 * grade.score; // → e.g. 1
 */
export function gradePaper(
	paper: Paper,
	responses: Responses,
	policy: GradingPolicy = DEFAULT_GRADING_POLICY,
	manual: ManualScores = {}
): AttemptGrade {
	const items: ItemGrade[] = [];
	let score = 0;
	let pending = false;
	for (const s of paper.sections)
		for (const item of s.items) {
			const g = gradeItem(item, responses[item.question.id], policy, manual);
			items.push(g);
			score += g.score ?? 0;
			if (g.status === 'pending' || g.parts?.some((p) => p.status === 'pending')) pending = true;
		}
	return { items, score: round2(score), maxScore: paper.totalPoints, pending };
}

/**
 * Grades one paper item.
 *
 * @param item - the paper item
 * @param response - the response (undefined = unanswered)
 * @param policy - the grading policy
 * @param manual - manual scores
 * @returns the item's grade
 */
export function gradeItem(
	item: PaperItem,
	response: Response | undefined,
	policy: GradingPolicy = DEFAULT_GRADING_POLICY,
	manual: ManualScores = {}
): ItemGrade {
	const q = item.question;
	return gradeBody(QUESTION_TYPE_MODULES, q, response, {
		id: q.id,
		points: item.points,
		order: item.optionOrder,
		partOrders: item.partOptionOrders,
		policy,
		manual
	});
}
