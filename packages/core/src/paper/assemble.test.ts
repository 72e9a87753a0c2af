import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	assemblePaper,
	createRng,
	gradeItem,
	optionOrders,
	checkFeasibility,
	indexBank,
	matchesFilter,
	ValidationError,
	type Blueprint,
	type Paper
} from '../index.ts';
import { makeBank, makeQuestion } from '../testing/factories.ts';

const questions = makeBank(600);
const bank = indexBank(questions);
const big = indexBank(makeBank(1500));
const ids = (p: Paper) => p.sections.flatMap((s) => s.items.map((i) => i.question.id));

const blueprint: Blueprint = {
	sections: [
		{ title: '一、单选题', type: 'single', count: 20, points: 1 },
		{
			title: '二、多选题',
			type: 'multiple',
			count: 10,
			points: 2,
			filter: { laws: [{ lawId: '行政处罚法' }, { lawId: '宪法' }] }
		},
		{
			title: '三、判断题',
			type: 'truefalse',
			count: 10,
			points: 1,
			filter: { difficulty: { min: 2, max: 4 } }
		},
		{ title: '四、填空题', type: 'fill', count: 5, points: 2, difficultyMix: { 1: 2, 5: 3 } }
	]
};

describe('assemblePaper', () => {
	it('fills every section with matching questions and totals the points', () => {
		const paper = assemblePaper(bank, blueprint, 'seed-1');
		expect(paper.sections.map((s) => s.items.length)).toEqual([20, 10, 10, 5]);
		expect(paper.totalPoints).toBe(20 + 20 + 10 + 10);
		paper.sections.forEach((s, i) => {
			const spec = blueprint.sections[i]!;
			for (const item of s.items)
				expect(matchesFilter(item.question, spec.type, spec.filter)).toBe(true);
		});
		const fill = paper.sections[3]!.items.map((i) => i.question.difficulty).sort();
		expect(fill).toEqual([1, 1, 5, 5, 5]);
	});

	it('records a permutation of option ids for choice questions', () => {
		const paper = assemblePaper(bank, blueprint, 7);
		for (const item of paper.sections[0]!.items) {
			if (item.question.type !== 'single') throw new Error();
			expect([...item.optionOrder!].sort()).toEqual(item.question.options.map((o) => o.id).sort());
		}
	});

	it('keeps bank order and option order when shuffling is off, fixed questions first', () => {
		const bp: Blueprint = {
			shuffleQuestions: false,
			shuffleOptions: false,
			sections: [{ type: 'single', count: 5, points: 1, fixed: ['single-600', 'single-6'] }]
		};
		const extra = indexBank([...questions, makeQuestion('single', 600)]);
		const paper = assemblePaper(extra, bp, 1);
		const got = ids(paper);
		expect(got.slice(0, 2)).toEqual(['single-600', 'single-6']);
		const rest = got.slice(2).map((id) => Number(id.split('-')[1]));
		expect(rest).toEqual([...rest].sort((a, b) => a - b));
		expect(paper.sections[0]!.items[0]!.optionOrder).toEqual(['A', 'B', 'C', 'D']);
	});

	it('accepts a plain question array as the bank', () => {
		expect(ids(assemblePaper(questions, blueprint, 's'))).toEqual(
			ids(assemblePaper(bank, blueprint, 's'))
		);
	});

	it('throws a ValidationError with the shortfall when the bank is too small', () => {
		const bp: Blueprint = { sections: [{ type: 'essay', count: 500, points: 5 }] };
		try {
			assemblePaper(bank, bp, 1);
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(ValidationError);
			expect((e as ValidationError).issues[0]).toMatchObject({
				code: 'paper.section.short',
				data: { section: 1, need: 500, have: 100 }
			});
		}
	});

	it('property: counts, filters, no repeats and determinism for any seed and blueprint', () => {
		const section = fc.record({
			type: fc.constantFrom(
				'single' as const,
				'multiple' as const,
				'truefalse' as const,
				'essay' as const
			),
			count: fc.integer({ min: 1, max: 30 }),
			points: fc.integer({ min: 1, max: 5 }),
			lawIdx: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
			minD: fc.integer({ min: 1, max: 3 })
		});
		const laws = ['行政处罚法', '行政许可法', '行政复议法', '行政诉讼法', '公务员法', '宪法'];
		fc.assert(
			fc.property(
				fc.array(section, { minLength: 1, maxLength: 5 }),
				fc.oneof(fc.integer(), fc.string()),
				(secs, seed) => {
					const bp: Blueprint = {
						sections: secs.map((s) => ({
							type: s.type,
							count: s.count,
							points: s.points,
							filter: {
								difficulty: { min: s.minD },
								...(s.lawIdx === undefined ? {} : { laws: [{ lawId: laws[s.lawIdx]! }] })
							}
						}))
					};
					if (!checkFeasibility(big, bp).feasible) {
						expect(() => assemblePaper(big, bp, seed)).toThrow(ValidationError);
						return;
					}
					const a = assemblePaper(big, bp, seed);
					const b = assemblePaper(big, bp, seed);
					expect(a).toEqual(b);
					const all = ids(a);
					expect(new Set(all).size).toBe(all.length);
					a.sections.forEach((s, i) => {
						expect(s.items.length).toBe(bp.sections[i]!.count);
						for (const it of s.items)
							expect(matchesFilter(it.question, bp.sections[i]!.type, bp.sections[i]!.filter)).toBe(
								true
							);
					});
				}
			),
			{ numRuns: 150 }
		);
	});

	it('gives different candidates different papers', () => {
		expect(ids(assemblePaper(bank, blueprint, 'a'))).not.toEqual(
			ids(assemblePaper(bank, blueprint, 'b'))
		);
	});

	it('falls back to a contest-aware draw when overlapping sections would starve each other', () => {
		// A may use 0–5, B needs all of 3–8: A must leave 3, 4, 5 alone.
		const qs = Array.from({ length: 9 }, (_, i) =>
			makeQuestion('single', i, { tags: [i <= 5 ? 'a' : 'x', i >= 3 ? 'b' : 'y'] })
		);
		const bp: Blueprint = {
			sections: [
				{ type: 'single', count: 3, points: 1, filter: { tags: ['a'] } },
				{ type: 'single', count: 6, points: 1, filter: { tags: ['b'] } }
			]
		};
		for (let seed = 0; seed < 30; seed++) {
			const paper = assemblePaper(qs, bp, seed);
			expect(paper.sections[0]!.items.map((i) => i.question.id).sort()).toEqual([
				'single-0',
				'single-1',
				'single-2'
			]);
		}
	});
});

describe('optionOrders', () => {
	const single = makeQuestion('single', 2); // option C is correct
	const kase = makeQuestion('case', 1);

	it('shuffles per seed, keeps every option, and leaves the written order without an rng', () => {
		expect(optionOrders(single)).toEqual({ optionOrder: ['A', 'B', 'C', 'D'] });
		const a = optionOrders(single, createRng('set-1'));
		expect(optionOrders(single, createRng('set-1'))).toEqual(a);
		expect([...a.optionOrder!].sort()).toEqual(['A', 'B', 'C', 'D']);
		const seen = new Set(
			Array.from({ length: 20 }, (_, i) => optionOrders(single, createRng(i)).optionOrder!.join(''))
		);
		expect(seen.size).toBeGreaterThan(5);
		expect(optionOrders(makeQuestion('truefalse', 1), createRng(1))).toEqual({});
		const parts = optionOrders(kase, createRng(3)).partOptionOrders!;
		expect(parts).toHaveLength(kase.type === 'case' ? kase.parts.length : 0);
	});

	it('grades the label chosen by the option it stands for, wherever the shuffle put it', () => {
		for (let seed = 0; seed < 10; seed++) {
			const orders = optionOrders(single, createRng(seed));
			const label = 'ABCD'[orders.optionOrder!.indexOf('C')]!;
			const grade = gradeItem(
				{ question: single, points: 1, ...orders },
				{ type: 'single', choice: label }
			);
			expect(grade).toMatchObject({ fraction: 1, selected: ['C'] });
		}
	});
});
