import { getLocale } from '$lib/paraglide/runtime.js';

// a formatter is costly to make (the exam page shows the deadline to hundreds of candidates at the
// window's opening): one per language and style, kept
const formats = new Map<string, Intl.DateTimeFormat>();

function format(style: 'dateTime' | 'date'): Intl.DateTimeFormat {
	const key = `${getLocale()}:${style}`;
	let f = formats.get(key);
	if (!f) {
		const options: Intl.DateTimeFormatOptions =
			style === 'dateTime' ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'long' };
		f = new Intl.DateTimeFormat(getLocale(), { ...options, timeZone: 'Asia/Shanghai' });
		formats.set(key, f);
	}
	return f;
}

/** A date and time as people in the district read it (Asia/Shanghai), in the page's language. */
export function dateTime(ms: number): string {
	return format('dateTime').format(new Date(ms));
}

/** A date (Asia/Shanghai). */
export function dateOnly(ms: number | string): string {
	const d = typeof ms === 'string' ? new Date(`${ms}T00:00:00+08:00`) : new Date(ms);
	return format('date').format(d);
}

/** Remaining time as h:mm:ss (or m:ss under an hour). */
export function remaining(ms: number): string {
	const s = Math.max(0, Math.floor(ms / 1000));
	const h = Math.floor(s / 3600);
	const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
	const ss = String(s % 60).padStart(2, '0');
	return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
