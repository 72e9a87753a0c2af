import { describe, expect, it } from 'vitest';
import { CN_HOLIDAYS, awaitsHolidayArrangements, createWorkingDayCalendar } from '../index.ts';

// the shipped years (2025, 2026) and nothing after: 2027's notice not yet entered
const calendar = createWorkingDayCalendar(CN_HOLIDAYS);
const december = new Date('2026-12-04T10:00:00+08:00');

describe('awaitsHolidayArrangements', () => {
	it('holds for a coming date in a year whose holidays are not known', () => {
		expect(awaitsHolidayArrangements(calendar, '2027-01-04', december)).toBe(true);
		expect(awaitsHolidayArrangements(calendar, '2027-10-04', december)).toBe(true);
	});

	it('does not hold in a year whose holidays are known', () => {
		expect(awaitsHolidayArrangements(calendar, '2026-12-28', december)).toBe(false);
		const entered = createWorkingDayCalendar([
			...CN_HOLIDAYS,
			{
				year: 2027,
				holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01', makeUpDays: [] }]
			}
		]);
		expect(awaitsHolidayArrangements(entered, '2027-01-04', december)).toBe(false);
	});

	it('does not hold for a day already past, taking today in Beijing', () => {
		const late = createWorkingDayCalendar([]);
		// 2027-01-04 16:30 UTC is already 5 January in Beijing
		const now = new Date('2027-01-04T16:30:00Z');
		expect(awaitsHolidayArrangements(late, '2027-01-04', now)).toBe(false);
		expect(awaitsHolidayArrangements(late, '2027-01-05', now)).toBe(true);
	});
});
