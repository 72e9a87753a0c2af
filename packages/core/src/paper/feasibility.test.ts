import { describe, expect, it } from 'vitest';
import {
	checkFeasibility,
	messageFor,
	indexBank,
	validateBlueprint,
	type QuestionVersion
} from '../index.ts';
import { makeQuestion } from '../testing/factories.ts';

const law = (lawId: string) => ({ lawId });
const mk = (type: 'single' | 'multiple', i: number, lawId: string, topic = 't'): QuestionVersion =>
	makeQuestion(type, i, { laws: [law(lawId)], topic });

describe('checkFeasibility', () => {
	it('says which section is short and by how much, in words', () => {
		const qs = [
			...Array.from({ length: 12 }, (_, i) => mk('multiple', i, '行政处罚法')),
			...Array.from({ length: 30 }, (_, i) => mk('single', 100 + i, '行政许可法'))
		];
		const report = checkFeasibility(indexBank(qs), {
			sections: [
				{ type: 'single', count: 10, points: 1 },
				{ type: 'multiple', count: 20, points: 2, filter: { laws: [law('行政处罚法')] } }
			]
		});
		expect(report.feasible).toBe(false);
		expect(report.sections).toEqual([
			{ section: 1, type: 'single', need: 10, available: 30, usable: 10, missing: 0 },
			{ section: 2, type: 'multiple', need: 20, available: 12, usable: 12, missing: 8 }
		]);
		const issue = report.issues[0]!;
		expect(messageFor(issue.code, issue.data, 'zh-CN')).toBe(
			'第2部分需要20道行政处罚法多选题，题库只有12道'
		);
		expect(messageFor(issue.code, issue.data, 'en')).toBe(
			'Section 2 needs 20 multiple-choice questions on 行政处罚法; the bank has 12'
		);
	});

	it('counts overlap: a question fitting two sections is used once', () => {
		// 10 questions on 处罚法, 5 of them also on topic X.
		const qs = Array.from({ length: 10 }, (_, i) =>
			mk('single', i, '行政处罚法', i < 5 ? 'X' : 'Y')
		);
		const ok = checkFeasibility(qs, {
			sections: [
				{ type: 'single', count: 5, points: 1, filter: { laws: [law('行政处罚法')] } },
				{ type: 'single', count: 5, points: 1, filter: { topics: ['X'] } }
			]
		});
		// Greedy lets the narrow section (topic X) choose first, so both fit.
		expect(ok.feasible).toBe(true);
		const short = checkFeasibility(qs, {
			sections: [
				{ type: 'single', count: 7, points: 1, filter: { laws: [law('行政处罚法')] } },
				{ type: 'single', count: 5, points: 1, filter: { topics: ['X'] } }
			]
		});
		expect(short.feasible).toBe(false);
		expect(short.issues[0]).toMatchObject({
			code: 'paper.section.short_overlap',
			data: { section: 1, need: 7, usable: 5, missing: 2 }
		});
		expect(messageFor(short.issues[0]!.code, short.issues[0]!.data)).toBe(
			'第1部分需要7道行政处罚法单选题，题库有10道，但其中5道已被其他部分占用，还缺2道'
		);
	});

	it('uses display names for laws and reports difficulty levels', () => {
		const qs = Array.from({ length: 6 }, (_, i) => mk('single', i, 'cfl'));
		const report = checkFeasibility(
			qs,
			{
				sections: [
					{
						type: 'single',
						count: 4,
						points: 1,
						filter: { laws: [law('cfl')] },
						difficultyMix: { 1: 2, 2: 2 }
					}
				]
			},
			{ lawNames: { cfl: '行政处罚法' } }
		);
		// difficulties are (i % 5) + 1: two questions at level 1 (i = 0, 5), one at level 2.
		expect(report.issues).toHaveLength(1);
		expect(messageFor(report.issues[0]!.code, report.issues[0]!.data)).toBe(
			'第1部分需要2道难度为2的行政处罚法单选题，题库只有1道'
		);
	});

	it('reports blueprint problems and missing fixed questions', () => {
		expect(validateBlueprint({ sections: [] }).errors.map((i) => i.code)).toEqual([
			'blueprint.empty'
		]);
		const r = checkFeasibility([mk('single', 1, 'a')], {
			sections: [{ type: 'single', count: 1, points: 1, fixed: ['nope'] }]
		});
		expect(r.issues.map((i) => i.code)).toContain('paper.fixed.missing');
	});
});
