import { describe, expect, it } from 'vitest';
import { plannedSpanAt, plannedYearAt } from './plan.ts';

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

describe('plannedSpanAt', () => {
	it('spans the coming year in December', () => {
		expect(plannedSpanAt(new Date('2026-12-04T10:00:00+08:00'))).toEqual({
			startDate: '2027-01-01',
			endDate: '2027-12-31'
		});
	});

	it('starts today during the year, not in weeks already past', () => {
		expect(plannedSpanAt(new Date('2026-06-10T10:00:00+08:00'))).toEqual({
			startDate: '2026-06-10',
			endDate: '2026-12-31'
		});
		expect(plannedSpanAt(new Date('2027-01-01T00:10:00+08:00'))).toEqual({
			startDate: '2027-01-01',
			endDate: '2027-12-31'
		});
	});
});
