import { describe, expect, it } from 'vitest';
import { plannedYearAt } from './plan.ts';

describe('plannedYearAt', () => {
	it('offers the coming year in December, when next year’s plan is drawn up', () => {
		expect(plannedYearAt(new Date('2026-12-01T00:00:00+08:00'))).toBe(2027);
		expect(plannedYearAt(new Date('2026-12-31T23:59:00+08:00'))).toBe(2027);
	});

	it('offers the current year from January to November', () => {
		expect(plannedYearAt(new Date('2027-01-01T00:10:00+08:00'))).toBe(2027);
		expect(plannedYearAt(new Date('2026-11-30T23:59:00+08:00'))).toBe(2026);
	});

	it('reads the month in Beijing, not UTC', () => {
		// 30 November 16:30 UTC is already 1 December in Beijing
		expect(plannedYearAt(new Date('2026-11-30T16:30:00Z'))).toBe(2027);
	});
});
