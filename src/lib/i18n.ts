import { m } from '$lib/paraglide/messages.js';

type MessageFn = (params?: Record<string, unknown>) => string;

/**
 * Looks a message up by key, for keys that come from data (error codes, enum labels). Static text
 * in components calls `m.key()` directly so that the compiler checks it. A list among the params
 * (the unknown employee numbers of an error) is joined as the reader's language lists: 甲、乙 or
 * A, B.
 */
export function t(key: string, params: Record<string, unknown> = {}): string {
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[key];
	if (typeof fn !== 'function') return key;
	const joined = Object.entries(params).map(([k, v]) => [
		k,
		Array.isArray(v) ? v.join(m.common_list_separator()) : v
	]);
	return fn(Object.fromEntries(joined));
}

/** A message looked up by key, or undefined when the catalogue has none (for fallbacks). */
export function tIfAny(key: string, params: Record<string, unknown> = {}): string | undefined {
	const text = t(key, params);
	return text === key ? undefined : text;
}

export { m };

/**
 * A message about a count in the form its number takes: English says “1 day” but “2 days”, so a
 * sentence with a count has a singular twin `<key>_one` (in Chinese the same text). Two plain
 * keys rather than plural variants keep every message a string that the catalogue check reads and
 * the compiler checks; the functions are passed, not looked up by name, so a page's bundle holds
 * only the two it uses.
 */
export const byCount = <P>(
	count: number,
	one: (params: P) => string,
	other: (params: P) => string,
	params: P
): string => (count === 1 ? one : other)(params);
