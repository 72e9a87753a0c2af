import { shanghaiDate } from '@xuefa/core';
import { yearParam } from '$lib/schemas/oversight.ts';

/**
 * The year asked for (`?year=`), or this year (Beijing time); the choices: this year and four
 * before (a year's figures stay readable once the next one has begun).
 */
export function yearOf(url: URL, now: Date) {
	const current = Number(shanghaiDate(now).slice(0, 4));
	const asked = yearParam.safeParse(url.searchParams.get('year') ?? undefined);
	const year = asked.success && asked.data <= current ? asked.data : current;
	return { year, years: Array.from({ length: 5 }, (_, i) => current - i) };
}
