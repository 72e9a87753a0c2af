import { describe, expect, it } from 'vitest';
import {
	MAX_ANSWER_MS,
	PRACTICE_GRADING,
	answerTime,
	gradeItem,
	newCard,
	nextMistakeState,
	outcomeOf,
	practiceReadiness,
	schedulePractice,
	shanghaiDay,
	timingFor
} from '../index.ts';
import { makeQuestion } from '../testing/factories.ts';

const at = (iso: string) => new Date(iso);

describe('practice rules', () => {
	it('gives part credit for a partly right multiple choice, read as partly right', () => {
		const q = makeQuestion('multiple', 0); // right: A and B
		const g = gradeItem(
			{ question: q, points: 1 },
			{ type: 'multiple', choices: ['A'] },
			PRACTICE_GRADING
		);
		expect(g.fraction).toBe(0.5);
		expect(outcomeOf(g.fraction!)).toBe('partly');
		expect(outcomeOf(1)).toBe('right');
		expect(outcomeOf(0)).toBe('wrong');
	});

	it('counts an answer from when it was shown, never below 0 nor above ten minutes', () => {
		const shown = at('2025-03-01T08:00:00Z');
		expect(answerTime(shown, at('2025-03-01T08:00:42Z'))).toBe(42_000);
		expect(answerTime(shown, at('2025-03-01T07:59:00Z'))).toBe(0);
		expect(answerTime(shown, at('2025-03-01T09:00:00Z'))).toBe(MAX_ANSWER_MS);
	});

	it('rates long questions by a longer clock', () => {
		expect(timingFor('essay').slowMs).toBeGreaterThan(60_000);
		expect(timingFor('single')).toEqual({});
	});

	it('keeps a question in the mistake book until it is right the set number of times in a row', () => {
		let s = nextMistakeState(undefined, 'wrong', 2);
		expect(s).toEqual({ inMistakeBook: true, mistakeStreak: 0 });
		s = nextMistakeState(s, 'right', 2);
		expect(s).toEqual({ inMistakeBook: true, mistakeStreak: 1 });
		// a partly right answer starts the count again
		expect(nextMistakeState(s, 'partly', 2)).toEqual({ inMistakeBook: true, mistakeStreak: 0 });
		expect(nextMistakeState(s, 'right', 2)).toEqual({ inMistakeBook: false, mistakeStreak: 0 });
		// a right answer to a question never in the book leaves it out
		expect(nextMistakeState(undefined, 'right', 2)).toEqual({
			inMistakeBook: false,
			mistakeStreak: 0
		});
	});

	it('counts unseen questions and open mistakes as 0 in readiness, weakest topic first', () => {
		const now = at('2025-03-01T08:00:00Z');
		const reviewed = schedulePractice(newCard(now), { outcome: 'right', timeMs: 20_000 }, { now });
		const card = reviewed.card;
		const due = new Date(card.due);
		const r = practiceReadiness(
			[
				{ topic: '听证', card, due, inMistakeBook: false },
				{ topic: '听证', card, due, inMistakeBook: true },
				{ topic: '复议', card, due: shanghaiDay(now).start, inMistakeBook: false }
			],
			new Map([
				['听证', 4],
				['复议', 1],
				['诉讼', 2]
			]),
			now
		);
		expect(r.map((t) => t.topic)).toEqual(['诉讼', '听证', '复议']);
		const hearing = r.find((t) => t.topic === '听证')!;
		// one of four questions recalled, one open mistake, two never answered
		expect(hearing).toMatchObject({ cards: 4, unseen: 2, mistakes: 1 });
		expect(hearing.readiness).toBeCloseTo(r.find((t) => t.topic === '复议')!.readiness / 4, 5);
		expect(r.find((t) => t.topic === '复议')!.due).toBe(1);
		expect(r.find((t) => t.topic === '诉讼')).toMatchObject({ readiness: 0, unseen: 2 });
	});

	it('takes the day in Asia/Shanghai, whatever the machine', () => {
		const d = shanghaiDay(at('2025-03-01T17:30:00Z'));
		expect(d.start.toISOString()).toBe('2025-03-01T16:00:00.000Z');
		expect(d.end.toISOString()).toBe('2025-03-02T16:00:00.000Z');
	});
});
