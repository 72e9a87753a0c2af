/**
 * An exam row as the core's rules: grading policy, pass rules and bands, retake policy, and what
 * a candidate may see when.
 */
import type { GradingPolicy, PassRules, RetakePolicy, ScoreBand } from '@xuefa/core';
import type { MultiplePolicy } from '$lib/schemas/exam-enums.ts';
import type { ReviewWhen, exam } from '../../db/schema/index.ts';

export type ExamRow = typeof exam.$inferSelect;

/** The organiser's choice as the core's policy (少选得一半分 is `partial_half`). */
export function gradingPolicyOf(choice: MultiplePolicy): GradingPolicy {
	if (choice === 'partial_half') return { multiple: 'partial', partialFraction: 0.5 };
	if (choice === 'proportional') return { multiple: 'partial', partialFraction: 'proportional' };
	return { multiple: 'all_or_nothing' };
}

/** The organiser's choice back from a stored policy, to refill the form. */
export function multipleChoiceOf(policy: GradingPolicy): MultiplePolicy {
	if (policy.multiple === 'all_or_nothing') return 'all_or_nothing';
	return policy.partialFraction === 0.5 ? 'partial_half' : 'proportional';
}

/** Bands 优秀 / 良好 / 合格 / 不合格 from the two thresholds above the pass mark. */
export function bandsOf(passMark: number, excellent: number, good: number): ScoreBand[] {
	return [
		{ code: 'excellent', min: excellent },
		{ code: 'good', min: good },
		{ code: 'pass', min: passMark },
		{ code: 'fail', min: 0 }
	];
}

export function passRulesOf(e: Pick<ExamRow, 'passMark' | 'bands'>): PassRules {
	return { passMark: e.passMark, ...(e.bands ? { bands: e.bands } : {}) };
}

export function retakePolicyOf(
	e: Pick<ExamRow, 'maxAttempts' | 'counts' | 'onlyAfterFail'>
): RetakePolicy {
	return { maxAttempts: e.maxAttempts, counts: e.counts, onlyAfterFail: e.onlyAfterFail };
}

/**
 * Whether a candidate may see something now: after their own submission, once the sitting has
 * closed (so that nobody still sitting it learns the answers from someone who finished), or once
 * its results are released. `closesAt` is the sitting's effective close (`reviewClosesAt`), which
 * waits for candidates given extra time past the window.
 */
export function reviewAllows(
	when: ReviewWhen,
	submitted: boolean,
	s: { closesAt: Date; releasedAt: Date | null },
	now: Date
): boolean {
	if (!submitted || when === 'never') return false;
	if (when === 'after_release') return s.releasedAt !== null;
	return when === 'after_submit' || now >= s.closesAt;
}
