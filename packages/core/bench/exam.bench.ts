/**
 * Exam benchmarks: `npm run bench -w @xuefa/core`. Figures are printed, never asserted.
 * Targets: assemble ≤ 5 ms median, grade ≤ 0.5 ms, parse 10,000 GIFT ≤ 1 s, statistics ≤ 1 s.
 */
import { bench, describe } from 'vitest';
import {
	assemblePaper,
	gradePaper,
	indexBank,
	itemStatistics,
	parseGift,
	toCandidatePaper,
	writeGift,
	type AttemptGrade,
	type Blueprint,
	type Responses
} from '../src/index.ts';
import { makeBank } from '../src/testing/factories.ts';

const questions = makeBank(50_000);
const bank = indexBank(questions);
const blueprint: Blueprint = {
	sections: [
		{ type: 'single', count: 40, points: 1 },
		{
			type: 'multiple',
			count: 20,
			points: 2,
			filter: { laws: [{ lawId: '行政处罚法' }, { lawId: '行政许可法' }] }
		},
		{ type: 'truefalse', count: 30, points: 0.5, filter: { difficulty: { min: 2, max: 4 } } },
		{ type: 'fill', count: 5, points: 1, difficultyMix: { 2: 2, 3: 2, 4: 1 } },
		{ type: 'essay', count: 5, points: 4, filter: { topics: ['topic-1', 'topic-2', 'topic-3'] } }
	]
};
assemblePaper(bank, blueprint, 'warm-up'); // fills the pool cache, as the first candidate of a sitting would

let seed = 0;
const paper = assemblePaper(bank, blueprint, 'grading');
const labels = ['A', 'B', 'C', 'D'];
const responses: Record<string, Responses[string]> = {};
for (const s of paper.sections)
	for (const [k, item] of s.items.entries()) {
		const q = item.question;
		if (q.type === 'single') responses[q.id] = { type: 'single', choice: labels[k % 4]! };
		else if (q.type === 'multiple')
			responses[q.id] = { type: 'multiple', choices: labels.slice(0, (k % 3) + 1) };
		else if (q.type === 'truefalse') responses[q.id] = { type: 'truefalse', answer: k % 2 === 0 };
		else if (q.type === 'fill') responses[q.id] = { type: 'fill', blanks: ['４２', `答案${k}`] };
		else responses[q.id] = { type: 'essay', text: '论述' };
	}
const manual = Object.fromEntries(paper.sections[4]!.items.map((i) => [i.question.id, 2]));

const giftText = writeGift(
	makeBank(10_000, ['single', 'multiple', 'truefalse', 'essay', 'single'])
).output;

// 10,000 graded attempts of one 100-question paper with varied responses.
const grades: AttemptGrade[] = Array.from({ length: 10_000 }, (_, a) => {
	const r: Record<string, Responses[string]> = {};
	for (const s of paper.sections)
		for (const [k, item] of s.items.entries()) {
			const q = item.question;
			const x = (a * 31 + k * 17) % 7;
			if (q.type === 'single') r[q.id] = { type: 'single', choice: labels[x % 4]! };
			else if (q.type === 'multiple')
				r[q.id] = { type: 'multiple', choices: labels.slice(x % 2, (x % 3) + 2) };
			else if (q.type === 'truefalse') r[q.id] = { type: 'truefalse', answer: x > 2 };
		}
	return gradePaper(paper, r, { multiple: 'partial' }, manual);
});

describe('exam', () => {
	bench('assemble a 100-question paper from a 50,000-question bank (indexed)', () => {
		assemblePaper(bank, blueprint, seed++);
	});
	bench('assemble + candidate view', () => {
		toCandidatePaper(assemblePaper(bank, blueprint, seed++));
	});
	bench('grade a 100-question attempt', () => {
		gradePaper(paper, responses, { multiple: 'partial' }, manual);
	});
	bench(
		'parse 10,000 GIFT questions',
		() => {
			parseGift(giftText);
		},
		{ iterations: 10 }
	);
	bench(
		'item statistics over 10,000 attempts',
		() => {
			itemStatistics(grades);
		},
		{ iterations: 10 }
	);
	bench(
		'index a 50,000-question bank (once per sitting)',
		() => {
			indexBank(questions);
		},
		{ iterations: 10 }
	);
});
