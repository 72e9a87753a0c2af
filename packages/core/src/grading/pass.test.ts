import { describe, expect, it } from 'vitest';
import { decidePass } from '../index.ts';

describe('decidePass', () => {
	it('uses the default bands ≥90 优秀, 80–89 良好, 60–79 合格, <60 不合格', () => {
		const band = (s: number) => decidePass(s, 100, { passMark: 60 }).band;
		expect([95, 90, 89.5, 80, 79, 60, 59.99, 0].map(band)).toEqual([
			'excellent',
			'excellent',
			'good',
			'good',
			'pass',
			'pass',
			'fail',
			'fail'
		]);
		expect(decidePass(60, 100, { passMark: 60 }).passed).toBe(true);
		expect(decidePass(59.5, 100, { passMark: 60 }).passed).toBe(false);
	});

	it('measures in percent of the maximum by default, or in points', () => {
		expect(decidePass(72, 120, { passMark: 60 })).toEqual({
			passed: true,
			band: 'pass',
			percent: 60,
			measured: 60
		});
		expect(decidePass(72, 120, { passMark: 80, scale: 'points' }).passed).toBe(false);
	});

	it('accepts custom bands', () => {
		const bands = [
			{ code: 'A', min: 85 },
			{ code: 'B', min: 0 }
		];
		expect(decidePass(86, 100, { passMark: 60, bands }).band).toBe('A');
	});
});
