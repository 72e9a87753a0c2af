import { describe, expect, it } from 'vitest';
import { datesNeedYear } from '../index.ts';

const december = new Date('2026-12-04T10:00:00+08:00');

describe('datesNeedYear', () => {
	it('shows years in a list that reaches into next year, or is all next year', () => {
		expect(datesNeedYear(['2026-12-28', '2027-01-04'], december)).toBe(true);
		expect(datesNeedYear(['2027-01-04', '2027-01-11'], december)).toBe(true);
		expect(datesNeedYear(['2025-12-29', '2026-01-05'], december)).toBe(true);
	});

	it('keeps a list of this year’s dates short, and an empty one', () => {
		expect(datesNeedYear(['2026-03-02', '2026-12-28'], december)).toBe(false);
		expect(datesNeedYear([], december)).toBe(false);
	});

	it('takes the current year in Beijing: 31 December 16:30 UTC is already New Year', () => {
		const newYear = new Date('2026-12-31T16:30:00Z');
		expect(datesNeedYear(['2027-01-04'], newYear)).toBe(false);
		expect(datesNeedYear(['2026-12-31'], newYear)).toBe(true);
	});
});
