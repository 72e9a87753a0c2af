/**
 * Grading: a response becomes a fraction in [0, 1] × points, under a stated policy.
 */
import { RuleError } from '../errors.ts';
import type { CasePart, ChoiceOption, FillBlank, QuestionVersion } from '../question/model.ts';
import { OPTION_LABELS, partPoints } from '../paper/candidate.ts';
import type { Paper, PaperItem } from '../paper/assemble.ts';
import { normaliseAnswer } from './normalise.ts';

/**
 * A candidate's answer to one question. Choices are the **display labels** the candidate saw
 * (`A` = first option shown); grading maps them back through the paper's recorded option order.
 */
export type Response =
	| { type: 'single'; choice: string | null }
	| { type: 'multiple'; choices: string[] }
	| { type: 'truefalse'; answer: boolean | null }
	| { type: 'fill'; blanks: string[] }
	| { type: 'essay'; text: string }
	| { type: 'case'; parts: (Response | null)[] };

/** Responses of one attempt, keyed by question id; a missing key means unanswered. */
export type Responses = Readonly<Record<string, Response>>;

/**
 * How an exam grades multiple-choice questions.
 * - `all_or_nothing`: full points only for exactly the correct set.
 * - `partial` (少选得部分分、错选不得分): any wrong choice → 0; the exact set → full; a non-empty proper
 *   subset of the correct options → `partialFraction` when it is a number (e.g. 0.5), or the share of
 *   correct options chosen when it is `'proportional'` (the default).
 */
export interface GradingPolicy {
	multiple: 'all_or_nothing' | 'partial';
	partialFraction?: number | 'proportional';
}

/** The default policy: all-or-nothing multiple choice. */
export const DEFAULT_GRADING_POLICY: GradingPolicy = { multiple: 'all_or_nothing' };

/** Manual scores by key: a question id, or `${questionId}#${partIndex}` (0-based) for a case part. */
export type ManualScores = Readonly<Record<string, number>>;

/** Outcome of one question or part. */
export type GradeStatus = 'correct' | 'partial' | 'wrong' | 'unanswered' | 'pending';

/** The grade of one question (or case part). */
export interface ItemGrade {
	questionId: string;
	points: number;
	/** Points awarded, rounded to 0.01; `null` while a grader has not scored it. */
	score: number | null;
	/** `score / points` in [0, 1]; `null` while pending. */
	fraction: number | null;
	status: GradeStatus;
	/** For choice questions: the original option ids chosen (after mapping back), for statistics. */
	selected?: string[];
	/** For case questions: one grade per part (their `questionId` is `${id}#${index}`). */
	parts?: ItemGrade[];
}

/** The grade of a whole attempt. */
export interface AttemptGrade {
	items: ItemGrade[];
	/** Sum of awarded points (pending items count 0), rounded to 0.01. */
	score: number;
	maxScore: number;
	/** True while any item awaits a grader. */
	pending: boolean;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Grades every item of a paper.
 *
 * Single and true/false: exact. Fill-in: each blank earns 1 when it equals one accepted answer after
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
	if (q.type !== 'case')
		return gradeBody(q.id, q, item.points, item.optionOrder, response, policy, manual[q.id]);
	const pts = partPoints(q.parts, item.points);
	const partResponses = response?.type === 'case' ? response.parts : [];
	const parts = q.parts.map((p, i) => {
		const key = `${q.id}#${i}`;
		return gradeBody(
			key,
			p,
			pts[i]!,
			item.partOptionOrders?.[i],
			partResponses[i] ?? undefined,
			policy,
			manual[key]
		);
	});
	const anyPending = parts.some((p) => p.score === null);
	const total = round2(parts.reduce((t, p) => t + (p.score ?? 0), 0));
	const fraction = item.points > 0 ? Math.min(1, total / item.points) : 0;
	const answered = parts.some((p) => p.status !== 'unanswered');
	const status: GradeStatus = anyPending
		? 'pending'
		: !answered
			? 'unanswered'
			: fraction >= 1
				? 'correct'
				: fraction > 0
					? 'partial'
					: 'wrong';
	return {
		questionId: q.id,
		points: item.points,
		score: total,
		fraction: anyPending ? null : fraction,
		status,
		parts
	};
}

function gradeBody(
	id: string,
	q: QuestionVersion | CasePart,
	points: number,
	order: string[] | undefined,
	r: Response | undefined,
	policy: GradingPolicy,
	manualScore: number | undefined
): ItemGrade {
	const done = (fraction: number, status?: GradeStatus, selected?: string[]): ItemGrade => {
		const f = Math.max(0, Math.min(1, fraction));
		const st: GradeStatus = status ?? (f >= 1 ? 'correct' : f > 0 ? 'partial' : 'wrong');
		return {
			questionId: id,
			points,
			score: round2(f * points),
			fraction: f,
			status: st,
			...(selected ? { selected } : {})
		};
	};
	const unanswered = (): ItemGrade => ({
		questionId: id,
		points,
		score: 0,
		fraction: 0,
		status: 'unanswered'
	});
	switch (q.type) {
		case 'single': {
			if (r?.type !== 'single' || !r.choice) return unanswered();
			const chosen = mapLabels([r.choice], q.options, order);
			return done(
				chosen.length === 1 && q.options.find((o) => o.id === chosen[0])?.correct ? 1 : 0,
				undefined,
				chosen
			);
		}
		case 'multiple': {
			if (r?.type !== 'multiple' || r.choices.length === 0) return unanswered();
			const chosen = mapLabels(r.choices, q.options, order);
			return done(multipleFraction(q.options, chosen, policy), undefined, chosen);
		}
		case 'truefalse':
			if (r?.type !== 'truefalse' || r.answer === null) return unanswered();
			return done(r.answer === q.answer ? 1 : 0);
		case 'fill': {
			if (r?.type !== 'fill' || r.blanks.every((b) => !b.trim())) return unanswered();
			const earned = q.blanks.reduce((sum, b, i) => sum + blankCredit(b, r.blanks[i] ?? ''), 0);
			return done(q.blanks.length ? earned / q.blanks.length : 0);
		}
		case 'essay': {
			const answered = r?.type === 'essay' && r.text.trim() !== '';
			if (manualScore === undefined) {
				// An empty answer needs no grader: it scores 0.
				if (!answered) return unanswered();
				return { questionId: id, points, score: null, fraction: null, status: 'pending' };
			}
			if (!(manualScore >= 0 && manualScore <= points))
				throw new RuleError('grading.manual.out_of_range', {
					questionId: id,
					score: manualScore,
					points
				});
			return done(points > 0 ? manualScore / points : 0);
		}
		default:
			// Nested cases are rejected by validation; grade them as unanswered rather than crash.
			return unanswered();
	}
}

/**
 * The credit one answer earns on a blank: 1 for a fully correct answer, the fraction of the best
 * matching partial answer, else 0 (all compared after {@link normaliseAnswer}).
 *
 * @param blank - the blank
 * @param given - what the candidate wrote
 * @returns a fraction in [0, 1]
 */
export function blankCredit(blank: FillBlank, given: string): number {
	const key = normaliseAnswer(given);
	if (key === '') return 0;
	if (blank.answers.some((a) => normaliseAnswer(a) === key)) return 1;
	let best = 0;
	for (const p of blank.partial ?? []) {
		if (normaliseAnswer(p.text) === key) best = Math.max(best, p.fraction);
	}
	return best;
}

/** Maps display labels back to option ids (unknown labels are dropped, duplicates removed). */
function mapLabels(
	labels: readonly string[],
	options: readonly ChoiceOption[],
	order: readonly string[] | undefined
): string[] {
	const ids = order ?? options.map((o) => o.id);
	const out: string[] = [];
	for (const label of labels) {
		const id = ids[OPTION_LABELS.indexOf(label.trim().toUpperCase())];
		if (id !== undefined && !out.includes(id)) out.push(id);
	}
	return out;
}

/**
 * The fraction earned on a multiple-choice question for a set of chosen option ids.
 *
 * @param options - the question's options
 * @param chosen - chosen option ids
 * @param policy - the grading policy
 * @returns a fraction in [0, 1]
 */
export function multipleFraction(
	options: readonly ChoiceOption[],
	chosen: readonly string[],
	policy: GradingPolicy
): number {
	const correct = options.filter((o) => o.correct).map((o) => o.id);
	if (chosen.length === 0) return 0;
	if (chosen.some((id) => !correct.includes(id))) return 0;
	if (chosen.length === correct.length) return 1;
	if (policy.multiple === 'all_or_nothing') return 0;
	const f = policy.partialFraction ?? 'proportional';
	return f === 'proportional' ? chosen.length / correct.length : Math.max(0, Math.min(1, f));
}
