/**
 * Text helpers shared by the importers: line splitting, control characters, and turning plain
 * text or HTML from other systems into the Markdown that Xuefa stores. All linear in the input.
 */

/**
 * Splits text into lines at CRLF, LF or a lone CR (old Mac files and some exam systems end lines
 * with CR only; Moodle reads those as lines too).
 *
 * @param text - the text
 * @returns its lines, without the line ends
 */
export function splitLines(text: string): string[] {
	// a string split is many times faster than a regular-expression split on large files
	return (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).split('\n');
}

// Characters that take no room (see stripInvisible).
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Removes the characters that take no room, left in text copied from web pages and Word: U+200B
 * ZERO WIDTH SPACE, U+200C/U+200D (non-)joiners, U+2060 WORD JOINER, U+FEFF (a byte-order mark
 * inside the text). An answer `B` or a header 题干 with one was refused for what nobody can see,
 * a line of nothing else was no blank line, and a text with one no longer equals itself in a
 * search. NFKC keeps them.
 *
 * @param text - the text
 * @returns the text without them
 * @example
 * stripInvisible('B\u200B'); // → 'B'
 */
export function stripInvisible(text: string): string {
	return text.replace(INVISIBLE, '');
}

// C0 controls except tab and line feed, DEL, and the C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Removes control characters (they are invisible, break searching and comparing, and some
 * terminals and spreadsheet programs act on them), keeping tab and line feed. Line ends become
 * `\n`: a CRLF or a lone CR is a line end, not a stray character.
 *
 * @param text - the text
 * @returns the text without control characters
 * @example
 * stripControlChars('a\u0000b\r\nc'); // → 'ab\nc'
 */
export function stripControlChars(text: string): string {
	return text.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/** Applies {@link stripControlChars} to every string in a JSON-like value. */
export function stripControlDeep<T>(value: T): T {
	if (typeof value === 'string') return stripControlChars(value) as T;
	if (Array.isArray(value)) return value.map((v: unknown) => stripControlDeep(v)) as T;
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, stripControlDeep(v)])
		) as T;
	}
	return value;
}

// A character an underscore between two of which opens and closes no emphasis (`snake_case`, 甲_乙).
const WORD = /[\p{L}\p{N}]/u;
// A line that could be a table's delimiter row (`-|-`, `:--`, `| --- |`) under a line of cells.
const DELIMITER_ROW = /^[ \t]*[-:|][-:| \t]*$/;
// An entity reference Markdown would show as its character: `&amp;` `&#38;` `&#x26;`.
const ENTITY = /&(?=#\d+;|#x[\da-f]+;|[a-z][a-z\d]*;)/gi;

/**
 * Escapes plain text so that Markdown shows it as typed: `*`, `<tag>`, `[x]`, a `#` or a list
 * marker at the start of a line, `&amp;` … all stay literal characters. Only what would change
 * how the text shows is escaped, so that a text shows, edits and exports as it was written: an
 * `&` only before an entity, a `|` only on a line that could make a table, a `_` only where it
 * could open or close emphasis (not inside `snake_case` or 甲_乙), a `~` only doubled (one `~` is
 * a range, 3~7人, which Xuefa's Markdown never strikes through). The app's tests render every
 * combination of these marks to check that what shows is what was typed.
 *
 * @param text - plain text
 * @returns Markdown that renders as the same text
 * @example
 * escapeMarkdown('<html class="x"> *a* ~~b~~ _c_ A&B snake_case'); // → '\\<html class="x"\\> \\*a\\* \\~\\~b\\~\\~ \\_c\\_ A&B snake_case'
 */
export function escapeMarkdown(text: string): string {
	return (
		text
			.replace(/[\\`*[\]<>]/g, (c) => `\\${c}`)
			.replace(ENTITY, '\\&')
			.replace(/_+/g, (run: string, at: number, all: string) =>
				WORD.test(all[at - 1] ?? '') && WORD.test(all[at + run.length] ?? '')
					? run
					: run.replace(/_/g, '\\_')
			)
			.replace(/~{2,}/g, (run) => run.replace(/~/g, '\\~'))
			.replace(/^[^\n]*$/gm, (line) =>
				/-/.test(line) && /[|:]/.test(line) && DELIMITER_ROW.test(line)
					? line.replace(/[|:]/g, (c) => `\\${c}`)
					: line
			)
			.replace(/^([ \t]*)(#{1,6}|[>+-]|\d+[.)])(?=[ \t]|$)/gm, (_, space: string, mark: string) =>
				/\d/.test(mark) ? `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${space}\\${mark}`
			)
			// its spaces after kept: unescaped, the text is the one typed
			.replace(
				/^([ \t]*)(=+|-+)(?=[ \t]*$)/gm,
				(_, space: string, bar: string) => `${space}\\${bar}`
			)
	);
}

/**
 * Undoes {@link escapeMarkdown}: the backslash escapes of ASCII punctuation become the characters.
 *
 * @param text - Markdown
 * @returns the text without backslash escapes
 */
export function unescapeMarkdown(text: string): string {
	return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' '
};

/**
 * HTML as plain text: tags dropped (block ends and `<br>` become line breaks), entities decoded.
 * The importers' fallback when no HTML-to-Markdown converter is given; a scan, not a regular
 * expression, so that a file full of `<` without `>` stays linear.
 *
 * @param html - an HTML fragment
 * @returns its text
 */
export function htmlToText(html: string): string {
	let out = '';
	let i = 0;
	while (i < html.length) {
		const lt = html.indexOf('<', i);
		if (lt < 0) {
			out += html.slice(i);
			break;
		}
		out += html.slice(i, lt);
		const gt = html.indexOf('>', lt);
		if (gt < 0) {
			out += html.slice(lt);
			break;
		}
		const tag = html.slice(lt + 1, Math.min(gt, lt + 12)).toLowerCase();
		if (/^(br|\/p|\/div|\/li|\/h\d|\/tr)\b/.test(tag)) out += '\n';
		i = gt + 1;
	}
	return out
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
			if (e[0] === '#') {
				const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
				return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
			}
			return ENTITIES[e.toLowerCase()] ?? m;
		})
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
