import { assessedYearAt, shanghaiDate } from '@xuefa/core';
import { yearParam } from '$lib/schemas/oversight.ts';

/**
 * The year asked for (`?year=`), or `fallback` (this year, Beijing time); the choices: this year
 * and four before (a year's figures stay readable once the next one has begun).
 */
export function yearOf(url: URL, now: Date, fallback = Number(shanghaiDate(now).slice(0, 4))) {
	const current = Number(shanghaiDate(now).slice(0, 4));
	const asked = yearParam.safeParse(url.searchParams.get('year') ?? undefined);
	const year = asked.success && asked.data <= current ? asked.data : fallback;
	return { year, years: Array.from({ length: 5 }, (_, i) => current - i) };
}

/**
 * {@link yearOf} for the pages that read a year's figures (oversight, assessment, study credits,
 * a team's attendance): unless a year is asked for, the one being assessed
 * (the core's assessedYearAt: last year in January and February, when the year-end assessment is
 * done and the new year's figures are nearly empty).
 */
export function assessmentYearOf(url: URL, now: Date) {
	const fallback = assessedYearAt(now);
	const chosen = yearOf(url, now, fallback);
	// shown last year without asking: the page says why
	const closing = !url.searchParams.get('year') && chosen.year !== chosen.years[0];
	return { ...chosen, closing };
}
