import { getLocale } from '$lib/paraglide/runtime.js';

/** A date and time as people in the district read it (Asia/Shanghai), in the page's language. */
export function dateTime(ms: number): string {
	return new Intl.DateTimeFormat(getLocale(), {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Asia/Shanghai'
	}).format(new Date(ms));
}

/** A date (Asia/Shanghai). */
export function dateOnly(ms: number | string): string {
	const d = typeof ms === 'string' ? new Date(`${ms}T00:00:00+08:00`) : new Date(ms);
	return new Intl.DateTimeFormat(getLocale(), {
		dateStyle: 'long',
		timeZone: 'Asia/Shanghai'
	}).format(d);
}

/** Remaining time as h:mm:ss (or m:ss under an hour). */
export function remaining(ms: number): string {
	const s = Math.max(0, Math.floor(ms / 1000));
	const h = Math.floor(s / 3600);
	const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
	const ss = String(s % 60).padStart(2, '0');
	return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
