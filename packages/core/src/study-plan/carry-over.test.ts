import { describe, expect, it } from 'vitest';
import {
	RuleError,
	type StudyPlan,
	copyPlanItems,
	plannedInYear,
	validateStudyPlan
} from '../index.ts';

const plan2026: StudyPlan = {
	id: '1',
	unitId: '1',
	year: 2026,
	title: '2026年区政府常务会议会前学法计划',
	items: [
		{
			id: '11',
			topic: '书面学习《公务员法》',
			laws: [{ lawId: '公务员法' }],
			form: 'written',
			planned: { month: '2026-01' },
			materials: ['《公务员法》单行本']
		},
		{
			id: '12',
			topic: '《行政复议法》修订要点',
			laws: [{ lawId: '行政复议法', articleNo: 2 }],
			form: 'lecture',
			planned: { date: '2026-03-16' },
			speaker: '王律师',
			plannedMinutes: 40
		}
	]
};
const empty2027: StudyPlan = { ...plan2026, id: '2', year: 2027, title: '2027年计划', items: [] };

describe('plannedInYear', () => {
	it('keeps the month, or the day, in the new year', () => {
		expect(plannedInYear({ month: '2026-12' }, 2027)).toEqual({ month: '2027-12' });
		expect(plannedInYear({ date: '2026-03-16' }, 2027)).toEqual({ date: '2027-03-16' });
	});

	it('moves 29 February to 28 February in a common year', () => {
		expect(plannedInYear({ date: '2028-02-29' }, 2029)).toEqual({ date: '2029-02-28' });
	});
});

describe('copyPlanItems', () => {
	it('copies every item into the new year, which then passes the plan checks', () => {
		const copies = copyPlanItems(plan2026, empty2027);
		expect(copies.map((c) => [c.id, c.topic, c.form, c.planned])).toEqual([
			['11', '书面学习《公务员法》', 'written', { month: '2027-01' }],
			['12', '《行政复议法》修订要点', 'lecture', { date: '2027-03-16' }]
		]);
		expect(copies[1]).toMatchObject({ speaker: '王律师', plannedMinutes: 40 });
		expect(copies[0]!.materials).toEqual(['《公务员法》单行本']);
		expect(validateStudyPlan({ ...empty2027, items: copies }).ok).toBe(true);
	});

	it('leaves the source untouched', () => {
		copyPlanItems(plan2026, empty2027)[1]!.laws[0]!.articleNo = 9;
		expect(plan2026.items[1]!.laws[0]!.articleNo).toBe(2);
		expect(plan2026.items[1]!.planned).toEqual({ date: '2026-03-16' });
	});

	it('refuses a plan that already has items, so nothing entered is doubled', () => {
		const started = {
			...empty2027,
			items: [{ ...plan2026.items[0]!, planned: { month: '2027-02' } }]
		};
		expect(() => copyPlanItems(plan2026, started)).toThrow(RuleError);
		expect(() => copyPlanItems(plan2026, started)).toThrow(
			expect.objectContaining({ code: 'plan.copy.not_empty', data: { year: 2027, items: 1 } })
		);
	});

	it('refuses an empty source and a source of the same year', () => {
		expect(() => copyPlanItems({ ...plan2026, items: [] }, empty2027)).toThrow(
			expect.objectContaining({ code: 'plan.copy.source_empty' })
		);
		expect(() => copyPlanItems(plan2026, { ...empty2027, year: 2026 })).toThrow(
			expect.objectContaining({ code: 'plan.copy.same_year' })
		);
	});
});
