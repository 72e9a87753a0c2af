/** The longest uploaded file name kept, in characters: enough to tell files apart, short enough to show. */
export const MAX_FILE_NAME = 100;

const graphemes = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });

/**
 * An uploaded file's name as it is kept: a name the browser sent may be thousands of characters
 * long, and is shown in headings and the audit log on a phone. A longer one keeps its beginning
 * and its extension (`.xlsx`), cut between whole characters (never inside a surrogate pair or an
 * emoji's sequence), with `…` where it was cut.
 *
 * @param name - the name the browser sent
 * @param max - the most characters kept
 * @returns the name, at most `max` characters
 */
export function boundFileName(name: string, max = MAX_FILE_NAME): string {
	const chars = Array.from(graphemes.segment(name), (s) => s.segment);
	if (chars.length <= max) return name;
	const ext = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? '';
	const head = chars.slice(0, max - ext.length - 1).join('');
	return `${head}…${ext}`;
}
