/**
 * The working-day calendar: which days are public holidays, which weekend days are make-up working
 * days (调休上班), and working-day arithmetic on top.
 *
 * **Make-up days and the weekday they work as.** The State Council's notices list make-up days but not
 * whose timetable they follow, so by default (`makeUpPairing: 'none'`) a make-up day is a working day
 * that stands for no weekday, unless the data names one with `worksAs` (a district's own notice may say
 * 2月14日按周五上班). A district that wants a rule can choose `'last_weekdays_off'`: inside one holiday
 * period, the make-up days (in date order) replace the *last* N Monday–Friday off days of the period
 * (in date order), N being the number of make-up days (e.g. Sunday 2025-04-27 pays back Monday
 * 2025-05-05, so it works as a Monday). A `worksAs` in the data always wins over the rule.
 */
import { ValidationError, type Issue } from '../errors.ts';
import { addDays, diffDays, isIsoDate, weekdayOf, type IsoDate, type Weekday } from './dates.ts';

/** A make-up working day in calendar data: a date, or a date with the weekday whose timetable it follows. */
export type MakeUpDayData = IsoDate | { date: IsoDate; worksAs?: Weekday };

/** One holiday period of a year, as published. */
export interface HolidayPeriodData {
	/** Chinese name, e.g. 春节. */
	name: string;
	/** English name, optional. */
	nameEn?: string;
	/** First day off (inclusive). */
	from: IsoDate;
	/** Last day off (inclusive). */
	to: IsoDate;
	/** Weekend days that become working days for this holiday. */
	makeUpDays: readonly MakeUpDayData[];
}

/** One year of holiday arrangements, as an admin enters it from the State Council's notice. */
export interface CalendarYearData {
	/** The year the notice covers. */
	year: number;
	/** Where the data comes from (notice number or URL). */
	source?: string;
	/** The holiday periods of the year. */
	holidays: readonly HolidayPeriodData[];
}

/**
 * How make-up days are paired with the weekday whose timetable they follow: `none` (the notices' own
 * reading: only data with `worksAs` pairs a day) or `last_weekdays_off` (the make-up days of a holiday
 * period replace its last Monday–Friday days off).
 */
export const MAKE_UP_PAIRINGS = ['none', 'last_weekdays_off'] as const;

/** One of {@link MAKE_UP_PAIRINGS}. */
export type MakeUpPairing = (typeof MAKE_UP_PAIRINGS)[number];

/** Options of {@link createWorkingDayCalendar}. */
export interface CalendarOptions {
	/** How make-up days without `worksAs` are paired (default `none`). */
	makeUpPairing?: MakeUpPairing;
}

/** What kind of day a date is. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'make_up';

/** Everything the calendar knows about one date. */
export interface DayInfo {
	/** The date. */
	date: IsoDate;
	/** Its ISO weekday. */
	weekday: Weekday;
	/** Whether people work that day. */
	working: boolean;
	/** The kind of day. */
	kind: DayKind;
	/** The holiday's name for `holiday` and `make_up` days. */
	holiday?: string;
	/** For a make-up day: the weekday whose timetable it follows, when the data or the pairing says. */
	worksAs?: Weekday;
	/** For a make-up day: the holiday weekday it pays back, when the pairing found one. */
	replaces?: IsoDate;
	/** Whether the calendar has data for this date's year (otherwise Monday–Friday is assumed). */
	covered: boolean;
}

/** A built working-day calendar; create it with {@link createWorkingDayCalendar}. */
export interface WorkingDayCalendar {
	/** The years the calendar has data for, ascending. */
	readonly years: readonly number[];
	/** The data it was built from (for storage or merging). */
	readonly data: readonly CalendarYearData[];
	/** How make-up days without an explicit `worksAs` were paired. */
	readonly makeUpPairing: MakeUpPairing;
	/** @internal */
	readonly off: ReadonlyMap<IsoDate, string>;
	/** @internal */
	readonly makeUp: ReadonlyMap<IsoDate, { holiday: string; worksAs?: Weekday; replaces?: IsoDate }>;
	/** @internal: make-up day keyed by the holiday weekday it replaces */
	readonly replacedBy: ReadonlyMap<IsoDate, IsoDate>;
}

/** How many days before or after its holiday period a make-up day may fall. */
const MAKE_UP_REACH = 31;

/** Every day a year's data names (days off and make-up days), with the path of the row naming it. */
function namedDays(data: CalendarYearData, path: string) {
	const days: { date: IsoDate; holiday: string; path: string }[] = [];
	data.holidays.forEach((h, i) => {
		const hp = `${path}.holidays.${i}`;
		if (!isIsoDate(h.from) || !isIsoDate(h.to)) return;
		for (let d = 0; d <= Math.min(diffDays(h.from, h.to), 31); d++)
			days.push({ date: addDays(h.from, d), holiday: h.name, path: hp });
		h.makeUpDays.forEach((m, j) => {
			const date = typeof m === 'string' ? m : m.date;
			if (isIsoDate(date)) days.push({ date, holiday: h.name, path: `${hp}.makeUpDays.${j}` });
		});
	});
	return days;
}

/**
 * Days that two years' data both name (a period reaching into the next year, a make-up day of one
 * year that is a day off of another): each year is checked on its own by {@link validateCalendarYear}.
 *
 * @param years - the years, each with the path prefix of its issues
 * @returns one `calendar.day.duplicate` issue per day named again, at the later year's row
 */
function crossYearIssues(years: readonly { data: CalendarYearData; path: string }[]): Issue[] {
	const issues: Issue[] = [];
	const seen = new Map<IsoDate, { holiday: string; year: number }>();
	for (const { data, path } of years) {
		const mine = namedDays(data, path);
		for (const d of mine) {
			const other = seen.get(d.date);
			if (other !== undefined && other.year !== data.year) {
				issues.push({
					code: 'calendar.day.duplicate',
					path: d.path,
					data: { date: d.date, holiday: `${other.year} ${other.holiday}` }
				});
			}
		}
		for (const d of mine) seen.set(d.date, { holiday: d.holiday, year: data.year });
	}
	return issues;
}

/**
 * Checks one year of holiday data and lists every problem.
 *
 * @param data - the year as entered
 * @param path - a path prefix for the issues
 * @returns the issues (empty when valid)
 */
export function validateCalendarYear(data: CalendarYearData, path = ''): Issue[] {
	const issues: Issue[] = [];
	const at = (p: string) => (path ? `${path}.${p}` : p);
	if (!Number.isInteger(data.year) || data.year < 1990 || data.year > 2999) {
		issues.push({ code: 'calendar.year.invalid', path: at('year'), data: { year: data.year } });
		return issues;
	}
	const seen = new Map<IsoDate, string>();
	data.holidays.forEach((h, i) => {
		const hp = at(`holidays.${i}`);
		if (!h.name?.trim()) issues.push({ code: 'calendar.holiday.name_empty', path: `${hp}.name` });
		if (!isIsoDate(h.from) || !isIsoDate(h.to)) {
			issues.push({ code: 'calendar.date.invalid', path: hp, data: { from: h.from, to: h.to } });
			return;
		}
		const days = diffDays(h.from, h.to);
		if (days < 0 || days > 31) {
			issues.push({ code: 'calendar.holiday.range', path: hp, data: { from: h.from, to: h.to } });
			return;
		}
		// A period may start in late December of the year before (e.g. 2023-12-30 – 2024-01-01).
		if (Number(h.to.slice(0, 4)) !== data.year && Number(h.from.slice(0, 4)) !== data.year) {
			issues.push({ code: 'calendar.holiday.other_year', path: hp, data: { year: data.year } });
		}
		for (let d = 0; d <= days; d++) {
			const date = addDays(h.from, d);
			const other = seen.get(date);
			if (other !== undefined) {
				issues.push({ code: 'calendar.day.duplicate', path: hp, data: { date, holiday: other } });
			}
			seen.set(date, h.name);
		}
	});
	data.holidays.forEach((h, i) => {
		h.makeUpDays.forEach((m, j) => {
			const mp = at(`holidays.${i}.makeUpDays.${j}`);
			const date = typeof m === 'string' ? m : m.date;
			if (!isIsoDate(date)) {
				issues.push({ code: 'calendar.date.invalid', path: mp, data: { date } });
				return;
			}
			if (weekdayOf(date) < 6) {
				issues.push({ code: 'calendar.make_up.not_weekend', path: mp, data: { date } });
			}
			// a make-up day pays back days off close by; one a year away is a typo in the year (a
			// Sunday one year is a Saturday the year before, so the weekend check alone lets it pass)
			if (
				isIsoDate(h.from) &&
				isIsoDate(h.to) &&
				(diffDays(date, h.from) > MAKE_UP_REACH || diffDays(h.to, date) > MAKE_UP_REACH)
			) {
				issues.push({
					code: 'calendar.make_up.far',
					path: mp,
					data: { date, holiday: h.name, days: MAKE_UP_REACH }
				});
			}
			const other = seen.get(date);
			if (other !== undefined) {
				issues.push({ code: 'calendar.day.duplicate', path: mp, data: { date, holiday: other } });
			}
			seen.set(date, h.name);
			if (typeof m !== 'string' && m.worksAs !== undefined && !(m.worksAs >= 1 && m.worksAs <= 5)) {
				issues.push({ code: 'calendar.make_up.works_as', path: mp, data: { worksAs: m.worksAs } });
			}
		});
	});
	return issues;
}

/**
 * Builds a working-day calendar from holiday data, checking it first.
 *
 * @param years - the years of data (e.g. {@link CN_HOLIDAYS} plus admin-added years)
 * @param options - `makeUpPairing`: how make-up days without `worksAs` are paired (default `none`)
 * @returns the calendar
 * @throws ValidationError when the data has problems (every issue listed)
 * @example
 * const cal = createWorkingDayCalendar(CN_HOLIDAYS);
 * isWorkingDay(cal, '2025-01-26'); // → true (a make-up Sunday)
 * const paired = createWorkingDayCalendar(CN_HOLIDAYS, { makeUpPairing: 'last_weekdays_off' });
 * dayInfo(paired, '2025-01-26').worksAs; // → 1 (pays back Monday 2025-02-03)
 */
export function createWorkingDayCalendar(
	years: readonly CalendarYearData[],
	options: CalendarOptions = {}
): WorkingDayCalendar {
	const makeUpPairing = options.makeUpPairing ?? 'none';
	if (!MAKE_UP_PAIRINGS.includes(makeUpPairing)) {
		throw new ValidationError([
			{ code: 'calendar.pairing.unknown', path: 'makeUpPairing', data: { pairing: makeUpPairing } }
		]);
	}
	const issues: Issue[] = [];
	const seenYears = new Set<number>();
	years.forEach((y, i) => {
		if (seenYears.has(y.year)) {
			issues.push({ code: 'calendar.year.duplicate', path: `${i}.year`, data: { year: y.year } });
		}
		seenYears.add(y.year);
		issues.push(...validateCalendarYear(y, String(i)));
	});
	if (issues.length === 0)
		issues.push(...crossYearIssues(years.map((data, i) => ({ data, path: String(i) }))));
	if (issues.length > 0) throw new ValidationError(issues);

	const off = new Map<IsoDate, string>();
	const makeUp = new Map<IsoDate, { holiday: string; worksAs?: Weekday; replaces?: IsoDate }>();
	const replacedBy = new Map<IsoDate, IsoDate>();
	for (const y of years) {
		for (const h of y.holidays) {
			const weekdaysOff: IsoDate[] = [];
			for (let d = 0; d <= diffDays(h.from, h.to); d++) {
				const date = addDays(h.from, d);
				off.set(date, h.name);
				if (weekdayOf(date) <= 5) weekdaysOff.push(date);
			}
			const ups = h.makeUpDays
				.map((m) => (typeof m === 'string' ? { date: m, worksAs: undefined } : m))
				.sort((a, b) => (a.date < b.date ? -1 : 1));
			const paidBack =
				makeUpPairing === 'last_weekdays_off'
					? weekdaysOff.slice(Math.max(0, weekdaysOff.length - ups.length))
					: [];
			ups.forEach((m, k) => {
				let replaces: IsoDate | undefined = paidBack[k - (ups.length - paidBack.length)];
				if (
					m.worksAs !== undefined &&
					(replaces === undefined || weekdayOf(replaces) !== m.worksAs)
				) {
					replaces = [...weekdaysOff].reverse().find((d) => weekdayOf(d) === m.worksAs);
				}
				const worksAs = m.worksAs ?? (replaces ? weekdayOf(replaces) : undefined);
				makeUp.set(m.date, {
					holiday: h.name,
					...(worksAs !== undefined ? { worksAs } : {}),
					...(replaces ? { replaces } : {})
				});
				if (replaces) replacedBy.set(replaces, m.date);
			});
		}
	}
	return {
		years: [...seenYears].sort((a, b) => a - b),
		data: [...years].sort((a, b) => a.year - b.year),
		makeUpPairing,
		off,
		makeUp,
		replacedBy
	};
}

/**
 * Adds years of holiday data (e.g. the 2027 notice) to existing data, checking the new years.
 *
 * @param base - the data already in use
 * @param added - the years to add
 * @param options - `replace: true` lets an added year replace the same year in `base` (a corrected notice)
 * @returns the merged data, sorted by year
 * @throws ValidationError with `calendar.year.exists` for a year already present (unless `replace`), any
 *   problem in the added data, or `calendar.day.duplicate` for a day another year already names
 * @example
 * const data = mergeCalendarYears(CN_HOLIDAYS, [year2027]);
 * const cal = createWorkingDayCalendar(data);
 */
export function mergeCalendarYears(
	base: readonly CalendarYearData[],
	added: readonly CalendarYearData[],
	options: { replace?: boolean } = {}
): CalendarYearData[] {
	const issues: Issue[] = [];
	const byYear = new Map(base.map((y) => [y.year, y]));
	added.forEach((y, i) => {
		if (byYear.has(y.year) && !options.replace) {
			issues.push({ code: 'calendar.year.exists', path: `${i}.year`, data: { year: y.year } });
		}
		issues.push(...validateCalendarYear(y, String(i)));
	});
	if (issues.length > 0) throw new ValidationError(issues);
	// the added years checked against the others, their issues at the added rows
	const kept = [...byYear.values()].filter((y) => !added.some((a) => a.year === y.year));
	const cross = crossYearIssues([
		...kept.map((data) => ({ data, path: 'base' })),
		...added.map((data, i) => ({ data, path: String(i) }))
	]).filter((i) => !i.path?.startsWith('base'));
	if (cross.length > 0) throw new ValidationError(cross);
	for (const y of added) byYear.set(y.year, y);
	return [...byYear.values()].sort((a, b) => a.year - b.year);
}
