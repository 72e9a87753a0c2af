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
});
