/**
 * Which year an organiser is working on. The year-end assessment (年终考核) compares units on the
 * plans kept, sessions held, attendance, exams, oaths and certificates of a whole year, and is done
 * at the year's end or early in the next (公务员考核规定: 年度考核一般每年年末或者翌年年初进行).
 * So in the first weeks of a year the figures that matter are last year's; the new year's are
 * nearly empty. No source fixes how long "early" lasts: a local choice, January and February by
 * default (the Spring Festival falls in one of them).
 */
import { ValidationError } from '../errors.ts';
import { shanghaiDate } from '../calendar/dates.ts';

/** The months at the start of a year still spent closing the year before (January and February). */
export const DEFAULT_CLOSING_MONTHS = 2;

/**
 * The year whose record is being assessed or counted at `now`: the previous year during the first
 * `closingMonths` months of a year, otherwise the current one (in Beijing). The default year of
 * the oversight pages, and the credit year of an exam sitting that names none.
 *
 * @param now - the current instant (or the instant a sitting opens)
 * @param closingMonths - how many months into a year the previous year is still worked on (0–11;
 *   default {@link DEFAULT_CLOSING_MONTHS}; 0: always the current year)
 * @returns the year
 * @throws ValidationError `assessment.closing_months.invalid` for a value outside 0–11
 * @example
 * assessedYearAt(new Date('2027-01-06T09:00:00+08:00')); // → 2026
 * assessedYearAt(new Date('2027-03-01T09:00:00+08:00')); // → 2027
 * assessedYearAt(new Date('2026-12-04T09:00:00+08:00')); // → 2026
 */
export function assessedYearAt(now: Date, closingMonths = DEFAULT_CLOSING_MONTHS): number {
	if (!Number.isInteger(closingMonths) || closingMonths < 0 || closingMonths > 11)
		throw new ValidationError([
			{
				code: 'assessment.closing_months.invalid',
				path: 'closingMonths',
				data: { months: closingMonths }
			}
		]);
	const [year, month] = shanghaiDate(now).split('-').map(Number) as [number, number];
	return month <= closingMonths ? year - 1 : year;
}
