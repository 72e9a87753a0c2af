/**
 * The practice rules the app adds around the core's grading and scheduling: how a fraction reads as
 * an outcome, how long an answer may count, and how the mistake book (错题本) fills and clears.
 */
import {
	DEFAULT_GRADING_POLICY,
	type GradingPolicy,
	type PracticeOutcome,
	type QuestionType,
	type TimingOptions
} from '@xuefa/core';

/** Practice gives credit for a partly right multiple choice (少选), so it counts as `partly`. */
export const PRACTICE_GRADING: GradingPolicy = { ...DEFAULT_GRADING_POLICY, multiple: 'partial' };

/** A learner who leaves a question open for lunch did not think for an hour: cap the time. */
export const MAX_ANSWER_MS = 10 * 60 * 1000;

/** The time an answer took, from the server's issue time to the server's now, clamped to [0, max]. */
export function answerTime(shownAt: Date, now: Date): number {
	return Math.min(MAX_ANSWER_MS, Math.max(0, now.getTime() - shownAt.getTime()));
}

/** Full marks are right, some marks partly right, none wrong (an empty answer is wrong). */
export function outcomeOf(fraction: number): PracticeOutcome {
	return fraction >= 1 ? 'right' : fraction > 0 ? 'partly' : 'wrong';
}

/** Long questions take longer: a case or an essay answered in two minutes is quick, not slow. */
export function timingFor(type: QuestionType): TimingOptions {
	return type === 'case' || type === 'essay' ? { fastMs: 60_000, slowMs: 300_000 } : {};
}

export interface MistakeState {
	inMistakeBook: boolean;
	mistakeStreak: number;
}

/**
 * The mistake book after an answer: a wrong or partly right answer puts the question in (streak 0);
 * a right answer while it is in counts toward clearing it, and `clearAfter` right answers in a row
 * take it out.
 */
export function nextMistakeState(
	prev: MistakeState | undefined,
	outcome: PracticeOutcome,
	clearAfter: number
): MistakeState {
	if (outcome !== 'right') return { inMistakeBook: true, mistakeStreak: 0 };
	if (!prev?.inMistakeBook) return { inMistakeBook: false, mistakeStreak: 0 };
	const streak = prev.mistakeStreak + 1;
	return streak >= clearAfter
		? { inMistakeBook: false, mistakeStreak: 0 }
		: { inMistakeBook: true, mistakeStreak: streak };
}
