/**
 * Working-day arithmetic on a {@link WorkingDayCalendar}. For a year without data the calendar assumes
 * Monday–Friday; {@link dayInfo} says so with `covered: false` so callers can warn.
 */
import { ValidationError } from '../errors.ts';
import type { WorkingDayCalendar, DayInfo } from './calendar.ts';
import { addDays, isIsoDate, shanghaiDate, weekdayOf, type IsoDate } from './dates.ts';

function assertDate(date: IsoDate, path: string): void {
	if (!isIsoDate(date))
		throw new ValidationError([{ code: 'calendar.date.invalid', path, data: { date } }]);
}

/**
 * Whether the calendar has holiday data for the year of a date.
 *
 * @param calendar - the working-day calendar
 * @param date - a calendar date
 * @returns true when the year is covered
 */
export function coversDate(calendar: WorkingDayCalendar, date: IsoDate): boolean {
	return calendar.years.includes(Number(date.slice(0, 4)));
}

/**
 * Whether a coming date may still move when its year's official holiday arrangements are published
 * (usually late in the year before): until then the calendar assumes Monday–Friday, and a session
 * on what turns out to be a holiday is moved or cancelled. Past dates are settled.
 *
 * @param calendar - the working-day calendar
 * @param date - the planned date
 * @param now - the current instant (today is taken in Beijing)
 * @returns true when the date is today or later and its year has no holiday data
 * @example
 * awaitsHolidayArrangements(CN_CALENDAR, '2031-01-06', new Date('2030-12-04T09:00:00+08:00')); // → true
 */
export function awaitsHolidayArrangements(
	calendar: WorkingDayCalendar,
	date: IsoDate,
	now: Date
): boolean {
	return date >= shanghaiDate(now) && !coversDate(calendar, date);
}

/**
 * Describes a date: working or not, holiday name, make-up pairing.
 *
 * @param calendar - the working-day calendar
 * @param date - a calendar date
 * @returns the day's description
 * @example
 * dayInfo(cal, '2025-04-27'); // → { kind: 'make_up', working: true, holiday: '劳动节', … }
 * // with makeUpPairing 'last_weekdays_off': … worksAs: 1, replaces: '2025-05-05'
 */
export function dayInfo(calendar: WorkingDayCalendar, date: IsoDate): DayInfo {
	assertDate(date, 'date');
	const weekday = weekdayOf(date);
	const covered = coversDate(calendar, date);
	const up = calendar.makeUp.get(date);
	if (up) {
		return {
			date,
			weekday,
			working: true,
			kind: 'make_up',
			holiday: up.holiday,
			...(up.worksAs !== undefined ? { worksAs: up.worksAs } : {}),
			...(up.replaces ? { replaces: up.replaces } : {}),
			covered
		};
	}
	const holiday = calendar.off.get(date);
	if (holiday !== undefined)
		return { date, weekday, working: false, kind: 'holiday', holiday, covered };
	const working = weekday <= 5;
	return { date, weekday, working, kind: working ? 'workday' : 'weekend', covered };
}

/**
 * Whether people work on a date: make-up days yes, holidays no, otherwise Monday–Friday.
 *
 * @param calendar - the working-day calendar
 * @param date - a calendar date
 * @returns true on a working day
 * @example
 * isWorkingDay(cal, '2025-10-08'); // → false (国庆节、中秋节)
 */
export function isWorkingDay(calendar: WorkingDayCalendar, date: IsoDate): boolean {
	if (calendar.makeUp.has(date)) return true;
	if (calendar.off.has(date)) return false;
	return weekdayOf(date) <= 5;
}

/**
 * Whether a date lies inside a published holiday period (weekends inside the period included).
 *
 * @param calendar - the working-day calendar
 * @param date - a calendar date
 * @returns the holiday's name, or undefined
 */
export function holidayOn(calendar: WorkingDayCalendar, date: IsoDate): string | undefined {
	return calendar.off.get(date);
}

/**
 * Moves by working days: `n > 0` gives the n-th working day after `date`, `n < 0` the n-th before,
 * `n = 0` the date itself. The start date is never counted.
 *
 * @param calendar - the working-day calendar
 * @param date - the start date
 * @param n - working days to move
 * @returns the resulting date
 * @example
 * addWorkingDays(cal, '2025-09-30', 1); // → '2025-10-09' (holiday 10-01 – 10-08)
 */
export function addWorkingDays(calendar: WorkingDayCalendar, date: IsoDate, n: number): IsoDate {
	assertDate(date, 'date');
	if (!Number.isInteger(n)) {
		throw new ValidationError([{ code: 'calendar.count.invalid', path: 'n', data: { n } }]);
	}
	const step = n < 0 ? -1 : 1;
	let left = Math.abs(n);
	let d = date;
	while (left > 0) {
		d = addDays(d, step);
		if (isWorkingDay(calendar, d)) left--;
	}
	return d;
}

/**
 * The first working day on or after a date.
 *
 * @param calendar - the working-day calendar
 * @param date - the date
 * @returns `date` when it is a working day, else the next one
 */
export function workingDayOnOrAfter(calendar: WorkingDayCalendar, date: IsoDate): IsoDate {
	assertDate(date, 'date');
	let d = date;
	while (!isWorkingDay(calendar, d)) d = addDays(d, 1);
	return d;
}

/**
 * Counts working days between two dates, both included (0 when `to` is before `from`).
 *
 * @param calendar - the working-day calendar
 * @param from - the first date
 * @param to - the last date
 * @returns the number of working days
 */
export function countWorkingDays(calendar: WorkingDayCalendar, from: IsoDate, to: IsoDate): number {
	assertDate(from, 'from');
	assertDate(to, 'to');
	let count = 0;
	for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(calendar, d)) count++;
	return count;
}
