import { describe, expect, it } from 'vitest';
import { itemStatistics, scoreDistribution, type AttemptGrade, type ItemGrade } from '../index.ts';

const g = (items: ItemGrade[]): AttemptGrade => ({
	items,
	score: items.reduce((t, i) => t + (i.score ?? 0), 0),
	maxScore: 10,
	pending: false
});
const it1 = (questionId: string, fraction: number, selected?: string[]): ItemGrade => ({
	questionId,
	points: 5,
	score: fraction * 5,
	fraction,
	status: fraction === 1 ? 'correct' : 'wrong',
	...(selected ? { selected } : {})
});

describe('itemStatistics', () => {
	// q1 is answered right exactly by the strong candidates; q2 by everyone.
	const grades = Array.from({ length: 100 }, (_, k) =>
		g([it1('q1', k >= 50 ? 1 : 0, [k >= 50 ? 'B' : 'A']), it1('q2', 1), it1('q3', k >= 40 ? 1 : 0)])
	);
	const stats = itemStatistics(grades);
	const s = (id: string) => stats.find((x) => x.questionId === id)!;

	it('computes facility, discrimination and point-biserial', () => {
		expect(s('q1').facility).toBe(0.5);
		expect(s('q1').discrimination).toBe(1);
		expect(s('q1').pointBiserial!).toBeCloseTo(Math.sqrt(2 / 3), 6);
		expect(s('q2')).toMatchObject({ facility: 1, discrimination: 0, pointBiserial: null });
		expect(s('q1').optionCounts).toEqual({ A: 50, B: 50 });
	});
});

describe('scoreDistribution', () => {
	it('bins scores and summarises them', () => {
		const d = scoreDistribution([55, 61, 88, 92, 100]);
		expect(d.bins).toHaveLength(10);
		expect(d.bins[5]).toEqual({ from: 50, to: 60, count: 1 });
		expect(d.bins[9]).toEqual({ from: 90, to: 100, count: 2 });
		expect(d).toMatchObject({ n: 5, median: 88, min: 55, max: 100 });
		expect(scoreDistribution([]).mean).toBe(0);
	});
});
