import { describe, expect, it } from 'vitest';
import {
	DEFAULT_ASSESSMENT_WEIGHTS,
	assessUnit,
	assessUnits,
	type AssessmentInput
} from '../index.ts';

const full: AssessmentInput = {
	unitId: 'u1',
	planItems: { planned: 10, held: 10 },
	sessions: { scheduled: 50, held: 50 },
	attendance: { expected: 100, attended: 100 },
	exams: { required: 40, sat: 40, passed: 40 },
	oaths: { required: 2, done: 2 },
	certificates: { required: 10, valid: 10 }
};

describe('assessment', () => {
	it('scores 100 when everything is done, weights sum to 100 by default', () => {
		expect(assessUnit(full).score).toBe(100);
		expect(Object.values(DEFAULT_ASSESSMENT_WEIGHTS).reduce((a, b) => a + b)).toBe(100);
	});

	it('weighs the indicators and leaves out those with nothing required', () => {
		const r = assessUnit({
			...full,
			planItems: { planned: 10, held: 5 },
			oaths: { required: 0, done: 0 }
		});
		expect(r.indicators.planKept).toBe(0.5);
		expect(r.indicators.oathCoverage).toBeNull();
		// (0.5·20 + 70) / 90: oath weight (10) left out
		expect(r.score).toBe(Math.round(((0.5 * 20 + 70) / 90) * 10000) / 100);
	});

	it('follows configured weights and ranks units', () => {
		const half = { ...full, unitId: 'u2', exams: { required: 40, sat: 20, passed: 10 } };
		expect(
			assessUnit(half, { ...DEFAULT_ASSESSMENT_WEIGHTS, examParticipation: 0, examPassRate: 0 })
				.score
		).toBe(100);
		const ranked = assessUnits([half, full, { ...full, unitId: 'u0' }]);
		expect(ranked.map((r) => [r.unitId, r.rank])).toEqual([
			['u0', 1],
			['u1', 1],
			['u2', 3]
		]);
	});

	it('lists a unit with nothing to assess after the ranked ones, unranked, never last with 0', () => {
		const none = { planned: 0, held: 0 };
		const empty = {
			unitId: 'u0',
			planItems: none,
			sessions: { scheduled: 0, held: 0 },
			attendance: { expected: 0, attended: 0 },
			exams: { required: 0, sat: 0, passed: 0 },
			oaths: { required: 0, done: 0 },
			certificates: { required: 0, valid: 0 }
		};
		const poor = { ...full, unitId: 'u9', exams: { required: 40, sat: 0, passed: 0 } };
		expect(assessUnit(empty)).toMatchObject({ assessed: false, score: 0 });
		expect(assessUnit(poor).assessed).toBe(true);
		const ranked = assessUnits([empty, poor, full]);
		expect(ranked.map((r) => [r.unitId, r.rank, r.assessed])).toEqual([
			['u1', 1, true],
			['u9', 2, true],
			['u0', undefined, false]
		]);
		// weights that leave out every indicator the unit has: not assessed either
		const onlyOaths = { ...empty, unitId: 'u5', oaths: { required: 2, done: 2 } };
		expect(assessUnit(onlyOaths, { ...DEFAULT_ASSESSMENT_WEIGHTS, oathCoverage: 0 }).assessed).toBe(
			false
		);
	});
});
