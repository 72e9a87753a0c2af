/**
 * Calendar dates and instants, without the machine's time zone.
 *
 * Convention used across the rules:
 * - A **calendar date** (`IsoDate`) is a plain `YYYY-MM-DD` string: a day in Asia/Shanghai, with no time
 *   and no zone. Plans, sessions, holidays, nominations, appointments, oaths and certificates use it.
 * - An **instant** is a JavaScript `Date` (or an ISO-8601 string with an offset); `now` is an instant.
 *   {@link shanghaiDate} turns an instant into the calendar date it falls on in Asia/Shanghai.
 * - A **local time** (`LocalTime`) is `HH:MM` on the Asia/Shanghai wall clock.
 *
 * China has kept UTC+8 with no daylight saving since 1991, so Asia/Shanghai is a fixed offset and the
 * arithmetic below is exact without a time-zone database. Dates are computed through `Date.UTC`, never
 * through local getters, so the result never depends on the machine's `TZ`.
 */

/** A calendar date `YYYY-MM-DD` (a day in Asia/Shanghai). */
export type IsoDate = string;

/** A wall-clock time `HH:MM` in Asia/Shanghai. */
export type LocalTime = string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** The fixed offset of Asia/Shanghai from UTC, in minutes (no DST since 1991). */
export const SHANGHAI_OFFSET_MINUTES = 480;

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Tells whether a string is a real calendar date in `YYYY-MM-DD` form (rejects 2025-02-30).
 *
 * @param value - the candidate
 * @returns true for a valid date
 */
export function isIsoDate(value: unknown): value is IsoDate {
	if (typeof value !== 'string') return false;
	const m = DATE_RE.exec(value);
	if (!m) return false;
	const y = Number(m[1]);
	const mo = Number(m[2]);
	const d = Number(m[3]);
	if (mo < 1 || mo > 12 || d < 1) return false;
	return d <= daysInMonth(y, mo);
}

/**
 * Tells whether a string is a wall-clock time `HH:MM` (00:00–23:59).
 *
 * @param value - the candidate
 * @returns true for a valid time
 */
export function isLocalTime(value: unknown): value is LocalTime {
	return typeof value === 'string' && TIME_RE.test(value);
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Days since 1970-01-01 for a calendar date (no validation; use {@link isIsoDate} first).
 *
 * @param date - a calendar date
 * @returns the day number
 */
export function toDayNumber(date: IsoDate): number {
	const y = Number(date.slice(0, 4));
	const m = Number(date.slice(5, 7));
	const d = Number(date.slice(8, 10));
	return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

/**
 * The calendar date of a day number (inverse of {@link toDayNumber}).
 *
 * @param day - days since 1970-01-01
 * @returns the calendar date
 */
export function fromDayNumber(day: number): IsoDate {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Adds calendar days.
 *
 * @param date - the start date
 * @param days - days to add (negative goes back)
 * @returns the resulting date
 * @example
 * addDays('2025-12-31', 1); // → '2026-01-01'
 */
export function addDays(date: IsoDate, days: number): IsoDate {
	return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Whole days from `from` to `to` (positive when `to` is later).
 *
 * @param from - the earlier date
 * @param to - the later date
 * @returns `to − from` in days
 */
export function diffDays(from: IsoDate, to: IsoDate): number {
	return toDayNumber(to) - toDayNumber(from);
}

/**
 * The ISO weekday of a date (1 = Monday … 7 = Sunday).
 *
 * @param date - a calendar date
 * @returns the weekday
 */
export function weekdayOf(date: IsoDate): Weekday {
	// 1970-01-01 was a Thursday (4).
	return (((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1) as Weekday;
}

/**
 * Adds whole months; a day past the end of the target month becomes its last day (31 January + 1 month
 * is 28 or 29 February).
 *
 * @param date - the start date
 * @param months - months to add (may be negative)
 * @returns the resulting date
 * @example
 * addMonths('2025-01-31', 1); // → '2025-02-28'
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
	const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
	const y = Math.floor(index / 12);
	const m = index - y * 12 + 1;
	const d = Math.min(Number(date.slice(8, 10)), daysInMonth(y, m));
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Adds whole years; 29 February becomes 28 February in a common year.
 *
 * @param date - the start date
 * @param years - years to add
 * @returns the resulting date
 */
export function addYears(date: IsoDate, years: number): IsoDate {
	return addMonths(date, years * 12);
}

/**
 * Whether a list of dates should show their years: "1/4 周一" in a list reaching into next year, or
 * in one of next year alone, reads as this January. True when any date is outside the current year
 * in Beijing; a list of this year's dates stays short.
 *
 * @param dates - the dates the list shows
 * @param now - the current instant
 * @returns true when the list should show years
 * @example
 * datesNeedYear(['2026-12-28', '2027-01-04'], new Date('2026-12-04T09:00:00+08:00')); // → true
 * datesNeedYear(['2026-03-02'], new Date('2026-12-04T09:00:00+08:00')); // → false
 */
export function datesNeedYear(dates: readonly IsoDate[], now: Date): boolean {
	const year = shanghaiDate(now).slice(0, 4);
	return dates.some((d) => d.slice(0, 4) !== year);
}

/**
 * The Asia/Shanghai calendar date on which an instant falls, independent of the machine's time zone.
 *
 * @param instant - a `Date` or an ISO-8601 date-time string with an offset
 * @returns the calendar date in Asia/Shanghai
 * @example
 * shanghaiDate(new Date('2025-03-01T17:30:00Z')); // → '2025-03-02'
 */
export function shanghaiDate(instant: Date | string): IsoDate {
	const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
	return new Date(ms + SHANGHAI_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/**
 * The calendar day in Asia/Shanghai around an instant, as the instants it starts and ends at.
 *
 * @param now - the instant
 * @returns `[start, end)`: midnight of its Shanghai day and midnight of the next
 * @example
 * shanghaiDay(new Date('2025-03-01T17:30:00Z')).start; // → 2025-03-01T16:00:00.000Z
 */
export function shanghaiDay(now: Date): { start: Date; end: Date } {
	const start = shanghaiInstant(shanghaiDate(now));
	return { start, end: new Date(start.getTime() + 24 * 60 * 60 * 1000) };
}

/**
 * The instant at which a wall-clock time on a date happens in Asia/Shanghai.
 *
 * @param date - the calendar date
 * @param time - the wall-clock time `HH:MM` (default midnight)
 * @returns the instant
 */
export function shanghaiInstant(date: IsoDate, time: LocalTime = '00:00'): Date {
	const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
	return new Date(toDayNumber(date) * DAY_MS + (minutes - SHANGHAI_OFFSET_MINUTES) * 60_000);
}

/**
 * The Monday of the ISO week containing a date.
 *
 * @param date - a calendar date
 * @returns the Monday on or before it
 */
export function weekStart(date: IsoDate): IsoDate {
	return addDays(date, 1 - weekdayOf(date));
}
