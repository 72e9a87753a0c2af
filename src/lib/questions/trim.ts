/**
 * The list without its empty trailing rows (the editor offers empty rows to fill; the ones left
 * empty at the end are not part of the question).
 *
 * @param list - the rows
 * @param empty - whether a row is empty
 * @returns the rows up to the last one that is not empty
 */
export function trimTrailing<T>(list: readonly T[], empty: (x: T) => boolean): T[] {
	const out = [...list];
	while (out.length > 0 && empty(out[out.length - 1]!)) out.pop();
	return out;
}
