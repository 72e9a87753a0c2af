import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	CN_CALENDAR,
	CN_HOLIDAYS,
	ValidationError,
	addDays,
	addWorkingDays,
	countWorkingDays,
	createWorkingDayCalendar,
	dayInfo,
	isWorkingDay,
	mergeCalendarYears,
	shanghaiDate,
	shanghaiInstant,
	weekdayOf,
	workingDayOnOrAfter,
	addYears,
	addMonths,
	isIsoDate,
	type CalendarYearData
} from '../index.ts';

describe('dates', () => {
	it('knows weekdays and validity', () => {
		expect(weekdayOf('2025-01-01')).toBe(3);
		expect(weekdayOf('2026-02-14')).toBe(6);
		expect(isIsoDate('2025-02-29')).toBe(false);
		expect(isIsoDate('2024-02-29')).toBe(true);
		expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
	});

	it('adds months, keeping the day or clamping it to the month end', () => {
		expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
		expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
		expect(addMonths('2025-03-15', 6)).toBe('2025-09-15');
		expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
		expect(addMonths('2025-03-15', -3)).toBe('2024-12-15');
		expect(addMonths('2025-03-15', 0)).toBe('2025-03-15');
	});

	it('converts instants with the Shanghai offset, whatever the machine TZ', () => {
		expect(shanghaiDate(new Date('2025-03-01T16:00:00Z'))).toBe('2025-03-02');
		expect(shanghaiDate('2025-03-01T23:59:00+08:00')).toBe('2025-03-01');
		expect(shanghaiInstant('2025-03-02', '09:30').toISOString()).toBe('2025-03-02T01:30:00.000Z');
	});
});

describe('the CN working-day calendar', () => {
	it('reads the 2025 and 2026 notices', () => {
		expect(CN_CALENDAR.years).toEqual([2025, 2026]);
		expect(isWorkingDay(CN_CALENDAR, '2025-01-01')).toBe(false);
		expect(isWorkingDay(CN_CALENDAR, '2025-01-26')).toBe(true); // Sunday make-up
		expect(isWorkingDay(CN_CALENDAR, '2025-02-04')).toBe(false);
		expect(isWorkingDay(CN_CALENDAR, '2026-02-14')).toBe(true); // Saturday make-up
		expect(isWorkingDay(CN_CALENDAR, '2026-06-22')).toBe(true);
		expect(isWorkingDay(CN_CALENDAR, '2026-06-20')).toBe(false);
	});

	it('pairs make-up days with no weekday by default, as the notices do', () => {
		expect(CN_CALENDAR.makeUpPairing).toBe('none');
		const info = dayInfo(CN_CALENDAR, '2026-02-14');
		expect(info).toMatchObject({ kind: 'make_up', working: true, holiday: '春节' });
		expect(info.worksAs).toBeUndefined();
		expect(info.replaces).toBeUndefined();
		expect(() =>
			createWorkingDayCalendar(CN_HOLIDAYS, { makeUpPairing: 'nearest' as 'none' })
		).toThrow(ValidationError);
	});

	it('pairs each make-up day with the last weekday off when the district chooses that rule', () => {
		const paired = createWorkingDayCalendar(CN_HOLIDAYS, { makeUpPairing: 'last_weekdays_off' });
		const pairs = CN_HOLIDAYS.flatMap((y) => y.holidays.flatMap((h) => h.makeUpDays)).map((m) => {
			const d = typeof m === 'string' ? m : m.date;
			const info = dayInfo(paired, d);
			return [d, info.replaces, info.worksAs];
		});
		expect(pairs).toEqual([
			['2025-01-26', '2025-02-03', 1],
			['2025-02-08', '2025-02-04', 2],
			['2025-04-27', '2025-05-05', 1],
			['2025-09-28', '2025-10-07', 2],
			['2025-10-11', '2025-10-08', 3],
			['2026-01-04', '2026-01-02', 5],
			['2026-02-14', '2026-02-20', 5],
			['2026-02-28', '2026-02-23', 1],
			['2026-05-09', '2026-05-05', 2],
			['2026-09-20', '2026-10-06', 2],
			['2026-10-10', '2026-10-07', 3]
		]);
	});

	it('counts the right number of working days (365 − 104 weekend days − 13 statutory holidays = 248)', () => {
		expect(countWorkingDays(CN_CALENDAR, '2025-01-01', '2025-12-31')).toBe(248);
		expect(countWorkingDays(CN_CALENDAR, '2026-01-01', '2026-12-31')).toBe(248);
	});

	it('adds working days across holidays and make-up days', () => {
		expect(addWorkingDays(CN_CALENDAR, '2025-09-30', 1)).toBe('2025-10-09');
		expect(addWorkingDays(CN_CALENDAR, '2025-09-26', 1)).toBe('2025-09-28');
		expect(addWorkingDays(CN_CALENDAR, '2025-10-09', -1)).toBe('2025-09-30');
		expect(addWorkingDays(CN_CALENDAR, '2025-03-03', 0)).toBe('2025-03-03');
		expect(workingDayOnOrAfter(CN_CALENDAR, '2025-10-01')).toBe('2025-10-09');
	});

	it('reports uncovered years and assumes Monday–Friday there', () => {
		const info = dayInfo(CN_CALENDAR, '2027-01-01');
		expect(info.covered).toBe(false);
		expect(info.working).toBe(true);
	});

	it('adding working days then counting them agrees (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 700 }),
				fc.integer({ min: 1, max: 40 }),
				(offset, n) => {
					const start = addDays('2025-01-01', offset);
					const end = addWorkingDays(CN_CALENDAR, start, n);
					expect(isWorkingDay(CN_CALENDAR, end)).toBe(true);
					expect(countWorkingDays(CN_CALENDAR, addDays(start, 1), end)).toBe(n);
				}
			)
		);
	});
});

describe('admin-added years', () => {
	const y2027: CalendarYearData = {
		year: 2027,
		holidays: [
			{ name: '元旦', from: '2027-01-01', to: '2027-01-03', makeUpDays: [] },
			{
				name: '测试',
				from: '2027-03-01',
				to: '2027-03-03',
				makeUpDays: [{ date: '2027-03-06', worksAs: 1 }]
			}
		]
	};

	it('merges a later year', () => {
		const cal = createWorkingDayCalendar(mergeCalendarYears(CN_HOLIDAYS, [y2027]));
		expect(cal.years).toEqual([2025, 2026, 2027]);
		expect(isWorkingDay(cal, '2027-01-01')).toBe(false);
		expect(dayInfo(cal, '2027-03-06')).toMatchObject({
			kind: 'make_up',
			worksAs: 1,
			replaces: '2027-03-01'
		});
	});

	it('refuses a make-up day typed in the wrong year (a Sunday of 2027 is a Saturday of 2026)', () => {
		const labour = (makeUpDay: string): CalendarYearData => ({
			year: 2027,
			holidays: [{ name: '劳动节', from: '2027-05-01', to: '2027-05-05', makeUpDays: [makeUpDay] }]
		});
		expect(() => mergeCalendarYears(CN_HOLIDAYS, [labour('2027-04-25')])).not.toThrow();
		try {
			mergeCalendarYears(CN_HOLIDAYS, [labour('2026-04-25')]);
			expect.unreachable();
		} catch (e) {
			expect((e as ValidationError).issues).toMatchObject([
				{ code: 'calendar.make_up.far', path: '0.holidays.0.makeUpDays.0' }
			]);
		}
	});

	it('refuses a day another year already names, at the added row', () => {
		// a 2027 New Year starting on the last day of 2026 … that 2026's data already names
		const y2026 = {
			...CN_HOLIDAYS[1]!,
			holidays: [
				...CN_HOLIDAYS[1]!.holidays,
				{ name: '测试', from: '2026-12-31', to: '2026-12-31', makeUpDays: [] }
			]
		};
		const newYear: CalendarYearData = {
			year: 2027,
			holidays: [{ name: '元旦', from: '2026-12-31', to: '2027-01-02', makeUpDays: [] }]
		};
		const issues = (build: () => unknown) => {
			try {
				build();
			} catch (e) {
				return (e as ValidationError).issues;
			}
			return [];
		};
		expect(issues(() => mergeCalendarYears([CN_HOLIDAYS[0]!, y2026], [newYear]))).toMatchObject([
			{ code: 'calendar.day.duplicate', path: '0.holidays.0', data: { date: '2026-12-31' } }
		]);
		expect(issues(() => createWorkingDayCalendar([y2026, newYear]))).toMatchObject([
			{ code: 'calendar.day.duplicate', path: '1.holidays.0', data: { date: '2026-12-31' } }
		]);
		// without the clash both years stand side by side
		expect(issues(() => createWorkingDayCalendar([CN_HOLIDAYS[1]!, newYear]))).toEqual([]);
	});

	it('refuses a duplicate year unless replacing, and bad data with every issue', () => {
		expect(() => mergeCalendarYears(CN_HOLIDAYS, [{ ...CN_HOLIDAYS[0]!, holidays: [] }])).toThrow(
			ValidationError
		);
		expect(
			mergeCalendarYears(CN_HOLIDAYS, [{ year: 2025, holidays: [] }], { replace: true })
		).toHaveLength(2);
		try {
			mergeCalendarYears(CN_HOLIDAYS, [
				{
					year: 2028,
					holidays: [
						{ name: 'x', from: '2028-05-05', to: '2028-05-01', makeUpDays: [] },
						{
							name: 'y',
							from: '2028-06-01',
							to: '2028-06-02',
							makeUpDays: ['2028-06-05', '2028-02-30']
						}
					]
				}
			]);
			expect.unreachable();
		} catch (e) {
			const codes = (e as ValidationError).issues.map((i) => i.code);
			expect(codes).toEqual([
				'calendar.holiday.range',
				'calendar.make_up.not_weekend',
				'calendar.date.invalid'
			]);
		}
	});
});
