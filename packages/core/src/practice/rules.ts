/**
 * The practice rules around grading and scheduling: how practice grades, how a fraction reads as an
 * outcome, how long an answer may count, how the mistake book (错题本) fills and clears, and what
 * readiness per topic a learner sees. Pure: the app loads the cards and the policy, calls these,
 * and stores what they return.
 */
import { shanghaiDay } from '../calendar/dates.ts';
import { DEFAULT_GRADING_POLICY, type GradingPolicy } from '../grading/types.ts';
import type { QuestionType } from '../question/model.ts';
import {
	topicReadiness,
	type CardState,
	type PracticeOutcome,
	type TimingOptions
} from './schedule.ts';

/** Practice gives credit for a partly right multiple choice (少选), so it counts as `partly`. */
export const PRACTICE_GRADING: GradingPolicy = { ...DEFAULT_GRADING_POLICY, multiple: 'partial' };

/** The longest an answer counts: a learner who leaves a question open for lunch did not think for an hour. */
export const MAX_ANSWER_MS = 10 * 60 * 1000;

/**
 * The time an answer took, from when the question was shown to now, clamped to
 * [0, {@link MAX_ANSWER_MS}].
 *
 * @param shownAt - when the question was shown (the server's time)
 * @param now - when the answer arrived (the server's time)
 * @returns milliseconds
 * @example
 * answerTime(new Date(0), new Date(42_000)); // → 42000
 */
export function answerTime(shownAt: Date, now: Date): number {
	return Math.min(MAX_ANSWER_MS, Math.max(0, now.getTime() - shownAt.getTime()));
}

/**
 * How a graded fraction reads: full marks right, some marks partly right, none wrong (an empty
 * answer is wrong).
 *
 * @param fraction - the share of the points earned, in [0, 1]
 * @returns the outcome
 * @example
 * outcomeOf(0.5); // → 'partly'
 */
export function outcomeOf(fraction: number): PracticeOutcome {
	return fraction >= 1 ? 'right' : fraction > 0 ? 'partly' : 'wrong';
}

/**
 * The timing a question type is rated by: long questions take longer, so a case or an essay
 * answered in two minutes is quick, not slow.
 *
 * @param type - the question's type
 * @returns the timing options for {@link schedulePractice}
 */
export function timingFor(type: QuestionType): TimingOptions {
	return type === 'case' || type === 'essay' ? { fastMs: 60_000, slowMs: 300_000 } : {};
}

/** Where a question stands in a learner's mistake book. */
export interface MistakeState {
	inMistakeBook: boolean;
	/** Right answers in a row since it was last wrong, while it is in the book. */
	mistakeStreak: number;
}

/**
 * The mistake book after an answer: a wrong or partly right answer puts the question in (streak 0);
 * a right answer while it is in counts toward clearing it, and `clearAfter` right answers in a row
 * take it out.
 *
 * @param prev - where the question stood (undefined: never answered)
 * @param outcome - the answer's outcome
 * @param clearAfter - right answers in a row that clear it (the district's policy)
 * @returns where it stands now
 * @example
 * nextMistakeState({ inMistakeBook: true, mistakeStreak: 1 }, 'right', 2); // → { inMistakeBook: false, mistakeStreak: 0 }
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

/** One card of a learner, as {@link practiceReadiness} reads it. */
export interface PracticeCardInput {
	topic: string;
	/** The stored FSRS card. */
	card: CardState;
	/** When it is next due; null when never scheduled. */
	due: Date | null;
	inMistakeBook: boolean | null;
}

/** Readiness of one topic, with the counts shown beside it. */
export interface PracticeTopicReadiness {
	topic: string;
	/** Mean retrievability over every question of the topic, in [0, 1]. */
	readiness: number;
	/** Questions in the topic. */
	cards: number;
	/** Questions never answered. */
	unseen: number;
	/** Questions in the mistake book. */
	mistakes: number;
	/** Questions answered before and due by the end of today (Asia/Shanghai). */
	due: number;
}

/**
 * Readiness per topic over every question a learner may practise: {@link topicReadiness} over the
 * cards, questions never answered counting 0, so a topic's readiness is the mean over all its
 * questions. FSRS rates a card as well recalled right after any review, even a wrong one, so a
 * question still in the mistake book counts 0 until it is cleared. Weakest topic first.
 *
 * @param cards - the learner's cards
 * @param questionsByTopic - how many questions each topic has
 * @param now - the time it is now
 * @returns one entry per topic of `questionsByTopic`
 */
export function practiceReadiness(
	cards: readonly PracticeCardInput[],
	questionsByTopic: ReadonlyMap<string, number>,
	now: Date
): PracticeTopicReadiness[] {
	const mistakes = new Map<string, number>();
	const due = new Map<string, number>();
	const endOfToday = shanghaiDay(now).end;
	const inputs = cards.flatMap((c) => {
		if (c.due !== null && c.due <= endOfToday) due.set(c.topic, (due.get(c.topic) ?? 0) + 1);
		if (!c.inMistakeBook) return [{ topic: c.topic, card: c.card }];
		mistakes.set(c.topic, (mistakes.get(c.topic) ?? 0) + 1);
		return [];
	});
	const answered = new Map(topicReadiness(inputs, now).map((r) => [r.topic, r]));
	return [...questionsByTopic]
		.map(([topic, total]) => {
			const r = answered.get(topic);
			const m = mistakes.get(topic) ?? 0;
			const seen = (r?.cards ?? 0) + m;
			return {
				topic,
				readiness: total > 0 ? ((r?.readiness ?? 0) * (r?.cards ?? 0)) / total : 0,
				cards: total,
				unseen: Math.max(0, total - seen),
				mistakes: m,
				due: due.get(topic) ?? 0
			};
		})
		.sort((x, y) => x.readiness - y.readiness || (x.topic < y.topic ? -1 : 1));
}
