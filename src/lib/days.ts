/**
 * Days as people in the district count them: calendar days in Asia/Shanghai (the core's
 * `shanghaiDate`).
 */
import { diffDays, shanghaiDate } from '@xuefa/core';

/** How far ahead a review may be and still read as a day from now (3天后) rather than a date. */
const RELATIVE_DAYS = 7;

/**
 * When something comes back, as people say it: 今天, 明天, 后天, 3天后 (tomorrow, in 3 days …) up
 * to a week ahead, else the date. Counted in Shanghai calendar days, not hours: a review at 03:02
 * tomorrow is 明天.
 *
 * @param when - the time it is due
 * @param now - the time it is now (the server's, so the page reads the same everywhere)
 * @param locale - the reader's locale
 */
export function dayFromNow(when: Date | number, now: Date | number, locale: string): string {
	const days = diffDays(shanghaiDate(new Date(now)), shanghaiDate(new Date(when)));
	if (days >= 0 && days <= RELATIVE_DAYS)
		return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(
		new Date(when)
	);
}
