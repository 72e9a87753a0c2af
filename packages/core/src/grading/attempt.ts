/**
 * The attempt (答卷) lifecycle: explicit states, deadlines from the server's `now`, auto-submit,
 * attempt limits and retakes. Every transition returns a new object and never mutates its input;
 * illegal transitions throw a {@link RuleError}.
 *
 * Time convention: every instant is a `Date` taken from the server clock by the caller.
 */
import { RuleError } from '../errors.ts';
import type { Paper } from '../paper/assemble.ts';
import { gradePaper } from './grade.ts';
import type { AttemptGrade, GradingPolicy, Response } from './types.ts';
import { decidePass, type PassRules } from './pass.ts';

/** Attempt states, in lifecycle order. */
export const ATTEMPT_STATES = [
	'not_started',
	'in_progress',
	'submitted',
	'needs_grading',
	'graded',
	'voided'
] as const;

/** One of {@link ATTEMPT_STATES}. */
export type AttemptState = (typeof ATTEMPT_STATES)[number];

/** One candidate's attempt at a sitting's paper. Store it as is (dates as timestamps). */
export interface Attempt {
	/** 1-based attempt number for this candidate and exam. */
	number: number;
	state: AttemptState;
	startedAt?: Date;
	/** When the attempt must close: start + duration, capped by the sitting window's end. */
	deadline?: Date;
	submittedAt?: Date;
	/** True when closed by the deadline rather than by the candidate. */
	autoSubmitted?: boolean;
	gradedAt?: Date;
	voidedAt?: Date;
	/** Why it was voided, as a code (e.g. `cheating`). */
	voidReason?: string;
	/** Responses by question id. */
	responses: Record<string, Response>;
	/** Scores given by graders (key: question id or `${questionId}#${partIndex}`). */
	manualScores: Record<string, number>;
	/** The grade, once computed. */
	grade?: AttemptGrade;
}

/** A sitting's time window. */
export interface SittingWindow {
	opensAt: Date;
	closesAt: Date;
}

function illegal(from: AttemptState, to: AttemptState): RuleError {
	return new RuleError(
		'attempt.illegal_transition',
		{ from, to },
		`cannot go from ${from} to ${to}`
	);
}

/**
 * Creates a fresh attempt.
 *
 * @param number - the attempt number (1 for the first, 2 for a retake, …)
 * @returns an attempt in `not_started`
 */
export function newAttempt(number = 1): Attempt {
	return { number, state: 'not_started', responses: {}, manualScores: {} };
}

/**
 * The deadline of an attempt started at `startedAt`.
 *
 * @param startedAt - when the candidate started
 * @param durationMinutes - the exam's duration
 * @param windowEnd - the sitting window's end, which caps the deadline
 * @returns the earlier of start + duration and the window's end
 */
export function attemptDeadline(startedAt: Date, durationMinutes: number, windowEnd?: Date): Date {
	const end = startedAt.getTime() + durationMinutes * 60_000;
	return new Date(windowEnd ? Math.min(end, windowEnd.getTime()) : end);
}

/**
 * Starts an attempt: `not_started` → `in_progress`, with its deadline.
 *
 * @param attempt - the attempt
 * @param options - `now`, the duration in minutes and the sitting window
 * @returns the started attempt
 * @throws {RuleError} `attempt.illegal_transition`, `attempt.window_not_open`, `attempt.window_closed`
 * @example
 * const a = startAttempt(newAttempt(), { now, durationMinutes: 120, window: { opensAt, closesAt } });
 */
export function startAttempt(
	attempt: Attempt,
	options: { now: Date; durationMinutes: number; window?: SittingWindow }
): Attempt {
	if (attempt.state !== 'not_started') throw illegal(attempt.state, 'in_progress');
	const { now, window } = options;
	if (window && now < window.opensAt)
		throw new RuleError('attempt.window_not_open', { opensAt: window.opensAt });
	if (window && now >= window.closesAt)
		throw new RuleError('attempt.window_closed', { closesAt: window.closesAt });
	return {
		...attempt,
		state: 'in_progress',
		startedAt: now,
		deadline: attemptDeadline(now, options.durationMinutes, window?.closesAt)
	};
}

/**
 * Tells whether an in-progress attempt has run past its deadline and must be closed.
 *
 * @param attempt - the attempt
 * @param now - the server time
 * @returns true when it is `in_progress` and `now` ≥ its deadline
 */
export function isOverdue(attempt: Attempt, now: Date): boolean {
	return (
		attempt.state === 'in_progress' && attempt.deadline !== undefined && now >= attempt.deadline
	);
}

/**
 * Records (or replaces) the response to one question.
 *
 * @param attempt - an in-progress attempt
 * @param questionId - the question
 * @param response - the response
 * @param now - the server time
 * @returns the updated attempt
 * @throws {RuleError} `attempt.not_in_progress`, `attempt.deadline_passed`
 */
export function recordResponse(
	attempt: Attempt,
	questionId: string,
	response: Response,
	now: Date
): Attempt {
	if (attempt.state !== 'in_progress')
		throw new RuleError('attempt.not_in_progress', { state: attempt.state });
	if (isOverdue(attempt, now))
		throw new RuleError('attempt.deadline_passed', { deadline: attempt.deadline });
	return { ...attempt, responses: { ...attempt.responses, [questionId]: response } };
}

/**
 * Submits an attempt: `in_progress` → `submitted`. Past the deadline it is closed as auto-submitted
 * at the deadline instead (responses saved in time are kept).
 *
 * @param attempt - the attempt
 * @param now - the server time
 * @returns the submitted attempt
 * @throws {RuleError} `attempt.illegal_transition`
 */
export function submitAttempt(attempt: Attempt, now: Date): Attempt {
	if (attempt.state !== 'in_progress') throw illegal(attempt.state, 'submitted');
	if (isOverdue(attempt, now))
		return { ...attempt, state: 'submitted', submittedAt: attempt.deadline!, autoSubmitted: true };
	return { ...attempt, state: 'submitted', submittedAt: now, autoSubmitted: false };
}

/**
 * Closes an attempt whose deadline has passed (run it on every read, or from a sweep); anything else
 * comes back unchanged.
 *
 * @param attempt - the attempt
 * @param now - the server time
 * @returns the auto-submitted attempt, or the same object
 */
export function closeIfOverdue(attempt: Attempt, now: Date): Attempt {
	return isOverdue(attempt, now) ? submitAttempt(attempt, now) : attempt;
}

/**
 * Grades a submitted attempt: `submitted` → `graded`, or `needs_grading` while essays wait for a grader.
 * Also re-grades `needs_grading` / `graded` attempts (e.g. after a manual score).
 *
 * @param attempt - the attempt
 * @param paper - the attempt's paper
 * @param policy - the exam's grading policy
 * @param now - the server time
 * @returns the graded attempt
 * @throws {RuleError} `attempt.illegal_transition`
 */
export function gradeAttempt(
	attempt: Attempt,
	paper: Paper,
	policy: GradingPolicy,
	now: Date
): Attempt {
	if (
		attempt.state !== 'submitted' &&
		attempt.state !== 'needs_grading' &&
		attempt.state !== 'graded'
	)
		throw illegal(attempt.state, 'graded');
	const grade = gradePaper(paper, attempt.responses, policy, attempt.manualScores);
	if (grade.pending) {
		const { gradedAt: _, ...rest } = attempt;
		return { ...rest, state: 'needs_grading', grade };
	}
	return { ...attempt, state: 'graded', grade, gradedAt: now };
}

/**
 * Records a grader's score for an essay (or essay part) and re-grades.
 *
 * @param attempt - an attempt in `needs_grading` or `graded`
 * @param paper - its paper
 * @param policy - the grading policy
 * @param key - question id, or `${questionId}#${partIndex}` for a case part
 * @param score - points, 0 … the item's points
 * @param now - the server time
 * @returns the re-graded attempt
 * @throws {RuleError} `attempt.illegal_transition`, `grading.manual.out_of_range`
 */
export function scoreManually(
	attempt: Attempt,
	paper: Paper,
	policy: GradingPolicy,
	key: string,
	score: number,
	now: Date
): Attempt {
	if (attempt.state !== 'needs_grading' && attempt.state !== 'graded')
		throw illegal(attempt.state, 'graded');
	return gradeAttempt(
		{ ...attempt, manualScores: { ...attempt.manualScores, [key]: score } },
		paper,
		policy,
		now
	);
}

/**
 * Voids an attempt (e.g. cheating voids the score). Allowed from any state but `voided`.
 *
 * @param attempt - the attempt
 * @param reason - a reason code, e.g. `cheating`
 * @param now - the server time
 * @returns the voided attempt
 * @throws {RuleError} `attempt.illegal_transition`
 */
export function voidAttempt(attempt: Attempt, reason: string, now: Date): Attempt {
	if (attempt.state === 'voided') throw illegal('voided', 'voided');
	return { ...attempt, state: 'voided', voidedAt: now, voidReason: reason };
}

/** How many attempts a candidate has and which one counts. */
export interface RetakePolicy {
	/** Attempts allowed in total, e.g. 2 for "one retake". Voided attempts count against it. */
	maxAttempts: number;
	/** Which graded attempt counts: the `highest` score or the `last` one. */
	counts: 'highest' | 'last';
	/** Only allow another attempt while the counting attempt has not passed (needs `pass` rules). */
	onlyAfterFail?: boolean;
}

/** Whether a new attempt may start, and why not. */
export interface StartDecision {
	allowed: boolean;
	/**
	 * Reason code when not allowed: `attempt.limit_reached`, `attempt.open_exists`,
	 * `attempt.already_passed`, `attempt.result_pending` (a retake only after a fail, and an attempt is
	 * still being marked).
	 */
	reason?: string;
	data?: Record<string, unknown>;
	/** The number the new attempt would get. */
	nextNumber: number;
}

/**
 * Decides whether a candidate may start another attempt.
 *
 * @param attempts - the candidate's previous attempts for this exam
 * @param policy - the retake policy
 * @param pass - pass rules, needed for `onlyAfterFail`
 * @returns the decision with a reason code
 * @example
 * canStartAttempt([first], { maxAttempts: 2, counts: 'last', onlyAfterFail: true }, { passMark: 60 });
 */
export function canStartAttempt(
	attempts: readonly Attempt[],
	policy: RetakePolicy,
	pass?: PassRules
): StartDecision {
	const nextNumber = attempts.reduce((m, a) => Math.max(m, a.number), 0) + 1;
	const open = attempts.find(
		(a) => a.state === 'not_started' || a.state === 'in_progress' || a.state === 'submitted'
	);
	if (open)
		return {
			allowed: false,
			reason: 'attempt.open_exists',
			data: { number: open.number },
			nextNumber
		};
	if (attempts.length >= policy.maxAttempts)
		return {
			allowed: false,
			reason: 'attempt.limit_reached',
			data: { max: policy.maxAttempts, used: attempts.length },
			nextNumber
		};
	if (policy.onlyAfterFail && pass) {
		// an attempt still being marked may have passed: the retake waits for its result
		const marking = attempts.find((a) => a.state === 'needs_grading');
		if (marking)
			return {
				allowed: false,
				reason: 'attempt.result_pending',
				data: { number: marking.number },
				nextNumber
			};
		const counting = countingAttempt(attempts, policy);
		if (counting?.grade && decidePass(counting.grade.score, counting.grade.maxScore, pass).passed)
			return {
				allowed: false,
				reason: 'attempt.already_passed',
				data: { number: counting.number },
				nextNumber
			};
	}
	return { allowed: true, nextNumber };
}

/**
 * The attempt whose score counts: among `graded` (not voided) attempts, the highest score (ties: the
 * earlier) or the last by number. It reads only each attempt's number, state and score, so a list
 * of stored rows can be passed as they are (a sitting's results read no responses).
 *
 * @param attempts - the candidate's attempts
 * @param policy - the retake policy
 * @returns the counting attempt (one of `attempts`), or undefined when none is graded
 * @example
 * countingAttempt(
 *   [{ number: 1, state: 'graded', grade: { score: 80 } }, { number: 2, state: 'graded', grade: { score: 55 } }],
 *   { counts: 'highest' }
 * ); // → the first
 */
export function countingAttempt<
	A extends Pick<Attempt, 'number' | 'state'> & { grade?: Pick<AttemptGrade, 'score'> }
>(attempts: readonly A[], policy: Pick<RetakePolicy, 'counts'>): A | undefined {
	const graded = attempts
		.filter((a) => a.state === 'graded' && a.grade)
		.sort((a, b) => a.number - b.number);
	if (policy.counts === 'last') return graded[graded.length - 1];
	return graded.reduce<A | undefined>(
		(best, a) => (!best || a.grade!.score > best.grade!.score ? a : best),
		undefined
	);
}
