import { describe, expect, it } from 'vitest';
import { assemblePaper, indexBank, QUESTION_TYPES, toCandidatePaper } from '../index.ts';
import { makeBank } from '../testing/factories.ts';

describe('toCandidatePaper', () => {
	const bank = indexBank(makeBank(300, QUESTION_TYPES));
	const paper = assemblePaper(
		bank,
		{ sections: QUESTION_TYPES.map((type) => ({ type, count: 5, points: 4 })) },
		'x'
	);
	const view = toCandidatePaper(paper);
	const json = JSON.stringify(view);

	it('contains no answer keys, explanations, reference answers, rubrics or feedback', () => {
		for (const word of [
			'correct',
			'answers',
			'answer',
			'explanation',
			'referenceAnswer',
			'rubric',
			'feedback',
			'解析',
			'参考答案',
			'评分标准',
			'optionOrder'
		])
			expect(json).not.toContain(word);
		// …and no option ids either: only display labels.
		expect(json).not.toMatch(/"id"/);
	});

	it('shows options in the recorded order with labels A, B, …', () => {
		const item = paper.sections[0]!.items[0]!;
		if (item.question.type !== 'single') throw new Error();
		const shown = view.sections[0]!.items[0]!.options!;
		expect(shown.map((o) => o.label)).toEqual(['A', 'B', 'C', 'D']);
		expect(shown.map((o) => o.text)).toEqual(
			item.optionOrder!.map(
				(id) =>
					(item.question as { options: { id: string; text: string }[] }).options.find(
						(o) => o.id === id
					)!.text
			)
		);
	});

	it('numbers items across sections and splits case points by weight', () => {
		expect(view.sections.flatMap((s) => s.items.map((i) => i.no))).toEqual(
			Array.from({ length: 30 }, (_, i) => i + 1)
		);
		const c = view.sections[5]!.items[0]!;
		expect(c.parts!.map((p) => p.points)).toEqual([1.33, 2.67]);
		expect(view.sections[3]!.items[0]!.blanks).toBe(2);
	});
});
