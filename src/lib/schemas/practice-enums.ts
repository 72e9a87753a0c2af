// Values of practice the browser needs too (no zod here: see limits.ts).

/** How a learner marks their own essay or case answer against the reference. */
export const SELF_MARKS = ['right', 'partly', 'wrong'] as const;
export type SelfMark = (typeof SELF_MARKS)[number];

/** Sizes a learner may choose for a practice set. */
export const PRACTICE_SIZES = [5, 10, 20, 30] as const;
