import { describe, expect, it } from 'vitest';
import {
	newCard,
	ratePractice,
	retrievability,
	RuleError,
	schedulePractice,
	topicReadiness,
	type CardState
} from '../index.ts';

const day = (n: number) => new Date(Date.UTC(2025, 2, 1 + n, 8));

describe('practice scheduling', () => {
	it('maps outcome and time to a rating', () => {
		expect(ratePractice('wrong', 1000)).toBe('again');
		expect(ratePractice('partly', 1000)).toBe('hard');
		expect(ratePractice('right', 5000)).toBe('easy');
		expect(ratePractice('right', 30_000)).toBe('good');
		expect(ratePractice('right', 90_000)).toBe('hard');
		expect(ratePractice('right', 30_000, { fastMs: 40_000 })).toBe('easy');
		expect(() => ratePractice('right', -1)).toThrow(RuleError);
	});

	it('schedules deterministically with explicit now, and the card survives JSON', () => {
		let card = newCard(day(0));
		expect(card).toMatchObject({ state: 'new', reps: 0, due: day(0).toISOString() });
		const first = schedulePractice(card, { outcome: 'right', timeMs: 20_000 }, { now: day(0) });
		expect(first.rating).toBe('good');
		card = JSON.parse(JSON.stringify(first.card)) as CardState;
		const second = schedulePractice(card, { outcome: 'right', timeMs: 20_000 }, { now: first.due });
		expect(second.due.getTime()).toBeGreaterThan(first.due.getTime());
		expect(
			schedulePractice(card, { outcome: 'right', timeMs: 20_000 }, { now: first.due })
		).toEqual(second);
		const lapse = schedulePractice(
			second.card,
			{ outcome: 'wrong', timeMs: 5000 },
			{ now: second.due }
		);
		expect(lapse.card.lapses).toBe(1);
		expect(lapse.due.getTime() - second.due.getTime()).toBeLessThan(
			second.due.getTime() - first.due.getTime()
		);
	});

	it('estimates readiness per topic, weakest first, unseen cards counting 0', () => {
		let good = newCard(day(0));
		for (let i = 0; i < 4; i++)
			good = schedulePractice(
				good,
				{ outcome: 'right', timeMs: 20_000 },
				{ now: new Date(good.due) }
			).card;
		const fresh = newCard(day(0));
		const now = new Date(good.lastReview!);
		expect(retrievability(good, now)).toBeCloseTo(1, 2);
		const r = topicReadiness(
			[
				{ topic: '行政处罚', card: good },
				{ topic: '行政处罚', card: fresh },
				{ topic: '宪法', card: fresh }
			],
			now
		);
		expect(r.map((t) => t.topic)).toEqual(['宪法', '行政处罚']);
		expect(r[1]).toMatchObject({ cards: 2, unseen: 1 });
		expect(r[1]!.readiness).toBeCloseTo(0.5, 2);
		expect(r[0]!.readiness).toBe(0);
	});
});
