/**
 * The shapes grading shares with the question types: responses, policies, grades.
 */

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
