/** The most characters of an uploaded value that an error message quotes. */
export const QUOTED_MAX = 50;

/**
 * An uploaded value as an error message quotes it (第2行：无法识别的题型“…”): its beginning, cut
 * between whole code points, with `…` where it was cut. A cell may hold megabytes: quoted whole,
 * a 4 MB cell made a 28 MB answer, serialised for seconds on the thread that serves everyone.
 *
 * @param value - the value as the file holds it
 * @param max - the most characters kept
 */
export function quoted(value: string, max = QUOTED_MAX): string {
	if (value.length <= max) return value;
	// 2 × max code units hold at least max code points, and split a pair only after them
	const head = Array.from(value.slice(0, 2 * max));
	if (head.length <= max && value.length <= 2 * max) return value;
	return `${head.slice(0, max).join('')}…`;
}

/**
 * The data of a message with every text in it quoted (see {@link quoted}), nested data (a core
 * issue wrapping another's `{ code, data }`) too.
 */
export function quotedData(data: Readonly<Record<string, unknown>>): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(data).map(([key, value]) => [
			key,
			typeof value === 'string' ? quoted(value) : isPlainObject(value) ? quotedData(value) : value
		])
	);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
	v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
