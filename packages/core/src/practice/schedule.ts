/**
 * Practice scheduling (练习) with FSRS (ts-fsrs): rate an answer, schedule the next review, keep the
 * card as plain JSON, and estimate readiness per topic.
 *
 * Time convention: `now` is always a `Date` passed in by the caller; card dates are ISO strings in JSON.
 */
import {
	createEmptyCard,
	fsrs,
	Rating,
	State,
	type Card,
	type FSRS,
	type FSRSParameters,
	type Grade
} from 'ts-fsrs';
import { RuleError } from '../errors.ts';

/** How a practice answer went: fully right, partly right (e.g. a multiple choice half chosen), or wrong. */
export type PracticeOutcome = 'right' | 'partly' | 'wrong';

/** The FSRS rating names, as stored in review logs. */
export type PracticeRating = 'again' | 'hard' | 'good' | 'easy';

/** A card's FSRS state as plain JSON (what the app stores per person and question). */
export interface CardState {
	/** Next review, ISO 8601. */
	due: string;
	stability: number;
	difficulty: number;
	scheduledDays: number;
	learningSteps: number;
	reps: number;
	lapses: number;
	state: 'new' | 'learning' | 'review' | 'relearning';
	/** Last review, ISO 8601; absent for a new card. */
	lastReview?: string;
}

/** Thresholds for turning answer time into a rating. */
export interface TimingOptions {
	/** A right answer faster than this (ms) is `easy` (default 10 s). */
	fastMs?: number;
	/** A right answer slower than this (ms) is only `hard` (default 60 s). */
	slowMs?: number;
}

/**
 * Maps a practice answer to an FSRS rating: wrong → `again`; partly → `hard`; right → `easy` when
 * faster than `fastMs`, `hard` when slower than `slowMs`, else `good`.
 *
 * @param outcome - how the answer went
 * @param timeMs - time taken in milliseconds
 * @param timing - thresholds (defaults 10 s / 60 s; scale them for long questions)
 * @returns the rating
 * @throws {RuleError} `practice.time.invalid` for a negative or non-finite time
 * @example
 * ratePractice('right', 4_000); // → 'easy'
 */
export function ratePractice(
	outcome: PracticeOutcome,
	timeMs: number,
	timing: TimingOptions = {}
): PracticeRating {
	if (!(timeMs >= 0) || !Number.isFinite(timeMs))
		throw new RuleError('practice.time.invalid', { value: timeMs });
	if (outcome === 'wrong') return 'again';
	if (outcome === 'partly') return 'hard';
	if (timeMs < (timing.fastMs ?? 10_000)) return 'easy';
	if (timeMs > (timing.slowMs ?? 60_000)) return 'hard';
	return 'good';
}

const STATE_NAMES = ['new', 'learning', 'review', 'relearning'] as const;
const RATINGS: Record<PracticeRating, Grade> = {
	again: Rating.Again,
	hard: Rating.Hard,
	good: Rating.Good,
	easy: Rating.Easy
};

function toCard(s: CardState): Card {
	return {
		due: new Date(s.due),
		stability: s.stability,
		difficulty: s.difficulty,
		elapsed_days: 0,
		scheduled_days: s.scheduledDays,
		learning_steps: s.learningSteps,
		reps: s.reps,
		lapses: s.lapses,
		state: State[(s.state.charAt(0).toUpperCase() + s.state.slice(1)) as keyof typeof State],
		...(s.lastReview ? { last_review: new Date(s.lastReview) } : {})
	};
}

function fromCard(c: Card): CardState {
	return {
		due: c.due.toISOString(),
		stability: c.stability,
		difficulty: c.difficulty,
		scheduledDays: c.scheduled_days,
		learningSteps: c.learning_steps,
		reps: c.reps,
		lapses: c.lapses,
		state: STATE_NAMES[c.state],
		...(c.last_review ? { lastReview: c.last_review.toISOString() } : {})
	};
}

const schedulers = new Map<string, FSRS>();
function scheduler(params?: Partial<FSRSParameters>): FSRS {
	// Fuzz off: the same history always gives the same schedule.
	const key = JSON.stringify(params ?? {});
	let f = schedulers.get(key);
	if (!f) schedulers.set(key, (f = fsrs({ enable_fuzz: false, ...params })));
	return f;
}

/**
 * A new card, due now.
 *
 * @param now - the current time
 * @returns the card state
 */
export function newCard(now: Date): CardState {
	return fromCard(createEmptyCard(now));
}

/** The outcome of {@link schedulePractice}. */
export interface ScheduledReview {
	card: CardState;
	rating: PracticeRating;
	/** When to review next (same as `card.due`, as a Date). */
	due: Date;
}

/**
 * Records a practice answer and schedules the next review.
 *
 * @param card - the card state (from {@link newCard} or a previous call)
 * @param answer - the outcome and time taken
 * @param options - `now`, optional timing thresholds and FSRS parameters (e.g. `request_retention`)
 * @returns the new card state, the rating used and the due date
 * @example
 * let card = newCard(now);
 * ({ card } = schedulePractice(card, { outcome: 'right', timeMs: 20_000 }, { now }));
 */
export function schedulePractice(
	card: CardState,
	answer: { outcome: PracticeOutcome; timeMs: number },
	options: { now: Date; timing?: TimingOptions; params?: Partial<FSRSParameters> }
): ScheduledReview {
	const rating = ratePractice(answer.outcome, answer.timeMs, options.timing);
	const next = scheduler(options.params).next(toCard(card), options.now, RATINGS[rating]).card;
	return { card: fromCard(next), rating, due: next.due };
}

/**
 * The probability of recalling a card at `now` (FSRS retrievability); 0 for a card never reviewed.
 *
 * @param card - the card state
 * @param now - the current time
 * @param params - FSRS parameters, if customised
 * @returns a number in [0, 1]
 */
export function retrievability(
	card: CardState,
	now: Date,
	params?: Partial<FSRSParameters>
): number {
	if (card.state === 'new' || !card.lastReview) return 0;
	return scheduler(params).get_retrievability(toCard(card), now, false);
}

/** One card for {@link topicReadiness}. */
export interface ReadinessInput {
	topic: string;
	card: CardState;
	/** Importance of the question (e.g. its points or blueprint share); default 1. */
	weight?: number;
}

/** Readiness of one topic. */
export interface TopicReadiness {
	topic: string;
	/** Weighted mean retrievability at `now`, 0 … 1 (unpracticed cards count 0). */
	readiness: number;
	cards: number;
	/** Cards never practised. */
	unseen: number;
	/** Cards due at or before `now`. */
	due: number;
}

/**
 * Estimates how ready a learner is per topic: the weighted mean of each card's FSRS retrievability at
 * `now`, counting never-practised cards as 0 — so it reads as "the expected share of this topic's
 * questions they would recall right now". Pass every question of the topic (practised or not) for a
 * fair figure.
 *
 * @param cards - cards with their topic and optional weight
 * @param now - the current time
 * @param params - FSRS parameters, if customised
 * @returns one entry per topic, sorted by readiness ascending (weakest first)
 * @example
 * topicReadiness([{ topic: '行政处罚', card }], now); // → [{ topic: '行政处罚', readiness: 0.93, … }]
 */
export function topicReadiness(
	cards: readonly ReadinessInput[],
	now: Date,
	params?: Partial<FSRSParameters>
): TopicReadiness[] {
	const acc = new Map<
		string,
		{ sum: number; weight: number; cards: number; unseen: number; due: number }
	>();
	for (const { topic, card, weight = 1 } of cards) {
		const a = acc.get(topic) ?? { sum: 0, weight: 0, cards: 0, unseen: 0, due: 0 };
		a.sum += weight * retrievability(card, now, params);
		a.weight += weight;
		a.cards++;
		if (card.state === 'new') a.unseen++;
		if (new Date(card.due) <= now) a.due++;
		acc.set(topic, a);
	}
	return [...acc]
		.map(([topic, a]) => ({
			topic,
			readiness: a.weight > 0 ? a.sum / a.weight : 0,
			cards: a.cards,
			unseen: a.unseen,
			due: a.due
		}))
		.sort((x, y) => x.readiness - y.readiness || (x.topic < y.topic ? -1 : 1));
}
