/** The longest uploaded file name kept, in characters: enough to tell files apart, short enough to show. */
export const MAX_FILE_NAME = 100;

const graphemes = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });

/**
 * Characters a kept name never holds: control characters, those a download's file name may not
 * carry, and the marks that reorder text (a PDF named `讲稿\u202Egpj.pdf` showed to its readers as
 * `讲稿fdp.jpg`, and an import's name in the audit log could be made to read as another's).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f"<>|:*?\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * An uploaded file's name as it is kept: a name the browser sent may hold a path, control
 * characters or marks that reorder text, and may be thousands of characters long, and it is shown
 * in headings and the audit log on a phone. Only the last path segment is kept, without those
 * characters; a longer one keeps its beginning and its extension (`.xlsx`), cut between whole
 * characters (never inside a surrogate pair or an emoji's sequence), with `…` where it was cut.
 *
 * @param name - the name the browser sent
 * @param max - the most characters kept
 * @returns the name, at most `max` characters (empty when nothing of it was fit to keep)
 */
export function boundFileName(name: string, max = MAX_FILE_NAME): string {
	const clean = (name.split(/[\\/]/).pop() ?? '').replace(UNSAFE, '').trim();
	const chars = Array.from(graphemes.segment(clean), (s) => s.segment);
	if (chars.length <= max) return clean;
	const ext = /\.[A-Za-z0-9]{1,8}$/.exec(clean)?.[0] ?? '';
	const head = chars.slice(0, max - ext.length - 1).join('');
	return `${head}…${ext}`;
}
