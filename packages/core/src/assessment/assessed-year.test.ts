import { describe, expect, it } from 'vitest';
import { ValidationError, assessedYearAt } from '../index.ts';

describe('assessedYearAt', () => {
	it('is last year in January and February, while the year-end assessment is done', () => {
		expect(assessedYearAt(new Date('2027-01-01T00:10:00+08:00'))).toBe(2026);
		expect(assessedYearAt(new Date('2027-01-06T09:00:00+08:00'))).toBe(2026);
		expect(assessedYearAt(new Date('2027-02-28T23:59:00+08:00'))).toBe(2026);
	});

	it('is the current year from March to December', () => {
		expect(assessedYearAt(new Date('2027-03-01T00:00:00+08:00'))).toBe(2027);
		expect(assessedYearAt(new Date('2026-12-31T23:59:00+08:00'))).toBe(2026);
	});

	it('reads the date in Beijing: 28 February 16:30 UTC is already March', () => {
		expect(assessedYearAt(new Date('2027-02-28T15:30:00Z'))).toBe(2026);
		expect(assessedYearAt(new Date('2027-02-28T16:30:00Z'))).toBe(2027);
	});

	it('takes a district’s own length of the closing period', () => {
		const jan = new Date('2027-01-20T09:00:00+08:00');
		const feb = new Date('2027-02-10T09:00:00+08:00');
		expect(assessedYearAt(feb, 1)).toBe(2027);
		expect(assessedYearAt(jan, 1)).toBe(2026);
		expect(assessedYearAt(jan, 0)).toBe(2027);
		expect(() => assessedYearAt(jan, 12)).toThrow(ValidationError);
		expect(() => assessedYearAt(jan, 1.5)).toThrow(ValidationError);
	});
});
