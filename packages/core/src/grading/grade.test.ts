import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	gradeItem,
	gradePaper,
	multipleFraction,
	normaliseAnswer,
	RuleError,
	type ChoiceOption,
	type PaperItem,
	type QuestionVersion
} from '../index.ts';
import { makeQuestion } from '../testing/factories.ts';

const item = (
	question: QuestionVersion,
	points = 2,
	extra: Partial<PaperItem> = {}
): PaperItem => ({ question, points, ...extra });
const multi = makeQuestion('multiple', 0, {
	options: [
		{ id: 'A', text: 'a', correct: true },
		{ id: 'B', text: 'b', correct: true },
		{ id: 'C', text: 'c', correct: true },
		{ id: 'D', text: 'd', correct: false }
	]
} as Partial<QuestionVersion>);

describe('grading', () => {
	it('maps the candidate labels back through the recorded option order', () => {
		const q = makeQuestion('single', 1); // correct option id is 'B'
		const shown = item(q, 2, { optionOrder: ['C', 'B', 'A', 'D'] }); // label B shows id B, label A shows C
		expect(gradeItem(shown, { type: 'single', choice: 'B' })).toMatchObject({
			score: 2,
			status: 'correct',
			selected: ['B']
		});
		const swapped = item(q, 2, { optionOrder: ['B', 'A', 'C', 'D'] });
		expect(gradeItem(swapped, { type: 'single', choice: 'A' })).toMatchObject({
			score: 2,
			selected: ['B']
		});
		expect(gradeItem(swapped, { type: 'single', choice: 'B' })).toMatchObject({
			score: 0,
			status: 'wrong',
			selected: ['A']
		});
		expect(gradeItem(swapped, undefined)).toMatchObject({ score: 0, status: 'unanswered' });
		// a label that is no single letter chooses nothing (the labels are one string: "" and
		// "BA" were once found at its start, as the first option shown)
		for (const choice of ['', 'BA', 'AB'])
			expect(gradeItem(swapped, { type: 'single', choice }), choice).toMatchObject({ score: 0 });
		expect(gradeItem(item(multi), { type: 'multiple', choices: ['AB', 'C'] })).toMatchObject({
			selected: ['C']
		});
	});

	it('grades multiple choice all-or-nothing or 少选得部分分、错选不得分', () => {
		const it2 = item(multi, 3, { optionOrder: ['D', 'C', 'B', 'A'] }); // labels: A=D(wrong) B=C C=B D=A
		const r = (choices: string[]) => ({ type: 'multiple' as const, choices });
		expect(gradeItem(it2, r(['B', 'C', 'D'])).score).toBe(3);
		expect(gradeItem(it2, r(['B', 'C'])).score).toBe(0);
		expect(gradeItem(it2, r(['B', 'C']), { multiple: 'partial' })).toMatchObject({
			score: 2,
			status: 'partial'
		});
		expect(gradeItem(it2, r(['B']), { multiple: 'partial', partialFraction: 0.5 }).score).toBe(1.5);
		expect(gradeItem(it2, r(['A', 'B']), { multiple: 'partial' }).score).toBe(0);
	});

	it('normalises fill-in answers: width, spaces, case; accepts alternatives per blank', () => {
		expect(normaliseAnswer(' Ａ Ｂ　c ')).toBe('abc');
		const q = makeQuestion('fill', 1); // blanks: ['四十二','42'], ['答案1']
		expect(gradeItem(item(q, 4), { type: 'fill', blanks: ['４２', ' 答案 1 '] })).toMatchObject({
			score: 4,
			status: 'correct'
		});
		expect(gradeItem(item(q, 4), { type: 'fill', blanks: ['四十二', 'x'] })).toMatchObject({
			score: 2,
			status: 'partial'
		});
		expect(gradeItem(item(q, 4), { type: 'fill', blanks: ['', ''] })).toMatchObject({
			status: 'unanswered'
		});
	});

	it('leaves essays pending until scored, within 0..points', () => {
		const q = makeQuestion('essay', 1);
		const r = { type: 'essay' as const, text: '我的回答' };
		expect(gradeItem(item(q, 10), r)).toMatchObject({ score: null, status: 'pending' });
		expect(gradeItem(item(q, 10), r, undefined, { [q.id]: 7.5 })).toMatchObject({
			score: 7.5,
			fraction: 0.75
		});
		expect(() => gradeItem(item(q, 10), r, undefined, { [q.id]: 11 })).toThrow(RuleError);
		expect(gradeItem(item(q, 10), { type: 'essay', text: '  ' })).toMatchObject({
			score: 0,
			status: 'unanswered'
		});
	});

	it('grades a case as the sum of its parts, points split by weight', () => {
		const q = makeQuestion('case', 1); // part 0 single (correct B), part 1 essay weight 2
		const it6 = item(q, 6, { partOptionOrders: [['A', 'B', 'C', 'D'], undefined] });
		const r = {
			type: 'case' as const,
			parts: [
				{ type: 'single' as const, choice: 'B' },
				{ type: 'essay' as const, text: '论述' }
			]
		};
		const pending = gradeItem(it6, r);
		expect(pending).toMatchObject({ score: 2, status: 'pending', fraction: null });
		const done = gradeItem(it6, r, undefined, { [`${q.id}#1`]: 3 });
		expect(done).toMatchObject({ score: 5, status: 'partial' });
		expect(done.parts!.map((p) => p.points)).toEqual([2, 4]);
	});

	it('sums a paper and flags pending', () => {
		const single = makeQuestion('single', 1);
		const essay = makeQuestion('essay', 2);
		const paper = {
			totalPoints: 12,
			sections: [
				{
					type: 'single' as const,
					points: 2,
					items: [item(single, 2, { optionOrder: ['A', 'B', 'C', 'D'] })]
				},
				{ type: 'essay' as const, points: 10, items: [item(essay, 10)] }
			]
		};
		const g = gradePaper(paper, {
			[single.id]: { type: 'single', choice: 'B' },
			[essay.id]: { type: 'essay', text: 'x' }
		});
		expect(g).toMatchObject({ score: 2, maxScore: 12, pending: true });
	});

	it('property: fractions stay in [0,1]; a wrong choice always scores 0; the exact set scores 1', () => {
		const optionsArb = fc
			.array(fc.boolean(), { minLength: 2, maxLength: 8 })
			.filter((c) => c.some(Boolean))
			.map((c) =>
				c.map((correct, i): ChoiceOption => ({
					id: String.fromCharCode(65 + i),
					text: `o${i}`,
					correct
				}))
			);
		const policyArb = fc.oneof(
			fc.constant({ multiple: 'all_or_nothing' as const }),
			fc.record({
				multiple: fc.constant('partial' as const),
				partialFraction: fc.oneof(
					fc.constant('proportional' as const),
					fc.double({ min: 0, max: 1, noNaN: true })
				)
			})
		);
		fc.assert(
			fc.property(optionsArb, fc.array(fc.nat(7)), policyArb, (options, picks, policy) => {
				const chosen = [...new Set(picks.map((k) => options[k % options.length]!.id))];
				const f = multipleFraction(options, chosen, policy);
				expect(f).toBeGreaterThanOrEqual(0);
				expect(f).toBeLessThanOrEqual(1);
				const correct = options.filter((o) => o.correct).map((o) => o.id);
				if (chosen.some((id) => !correct.includes(id))) expect(f).toBe(0);
				if (chosen.length === correct.length && chosen.every((id) => correct.includes(id)))
					expect(f).toBe(1);
				if (policy.multiple === 'all_or_nothing') expect([0, 1]).toContain(f);
			})
		);
	});

	it('property: any response to any item yields a score within 0..points', () => {
		const qs = (['single', 'multiple', 'truefalse', 'fill'] as const).map((t, i) =>
			makeQuestion(t, i)
		);
		const resp = fc.oneof(
			fc.record({
				type: fc.constant('single' as const),
				choice: fc.option(fc.constantFrom('A', 'B', 'C', 'D', 'Z', 'a'))
			}),
			fc.record({
				type: fc.constant('multiple' as const),
				choices: fc.array(fc.constantFrom('A', 'B', 'C', 'D', 'Q'))
			}),
			fc.record({ type: fc.constant('truefalse' as const), answer: fc.option(fc.boolean()) }),
			fc.record({ type: fc.constant('fill' as const), blanks: fc.array(fc.string()) })
		);
		fc.assert(
			fc.property(fc.constantFrom(...qs), resp, fc.integer({ min: 1, max: 10 }), (q, r, points) => {
				const g = gradeItem(item(q, points), r, { multiple: 'partial' });
				expect(g.fraction!).toBeGreaterThanOrEqual(0);
				expect(g.fraction!).toBeLessThanOrEqual(1);
				expect(g.score!).toBeLessThanOrEqual(points);
			})
		);
	});
});
