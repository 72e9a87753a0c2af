import { describe, expect, it } from 'vitest';
import { assessmentYearOf, yearOf } from './year.ts';

const url = (q = '') => new URL(`http://x/oversight${q}`);
const jan6 = new Date('2027-01-06T09:00:00+08:00');
const june = new Date('2027-06-10T09:00:00+08:00');

describe('the oversight pages’ year', () => {
	it('opens on last year in early January, while its year-end assessment is done, and says why', () => {
		expect(assessmentYearOf(url(), jan6)).toEqual({
			year: 2026,
			years: [2027, 2026, 2025, 2024, 2023],
			closing: true
		});
	});

	it('keeps a year chosen explicitly, this year included', () => {
		expect(assessmentYearOf(url('?year=2027'), jan6)).toMatchObject({ year: 2027, closing: false });
		expect(assessmentYearOf(url('?year=2025'), jan6)).toMatchObject({ year: 2025, closing: false });
	});

	it('opens on the current year from March', () => {
		expect(assessmentYearOf(url(), june)).toMatchObject({ year: 2027, closing: false });
	});

	it('offers the year asked for, else this year, to a choice of its own default', () => {
		expect(yearOf(url(), jan6).year).toBe(2027);
		expect(yearOf(url('?year=2025'), jan6).year).toBe(2025);
		// a year not yet begun is not offered
		expect(yearOf(url('?year=2028'), jan6).year).toBe(2027);
	});
});
