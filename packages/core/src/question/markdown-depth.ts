/**
 * Bounds on the Markdown that question texts hold. A Markdown renderer descends once per level of
 * nesting (a quote in a quote, a list in a list, emphasis in emphasis): text nested thousands of
 * levels deep overflows its stack, and one such explanation would break every page that shows it.
 */

/** The deepest Markdown nesting a question text may have; legal text needs three or four levels. */
export const MARKDOWN_MAX_DEPTH = 20;

/** The longest Markdown text of one field (a stem, an option, an explanation): pages of case facts. */
export const MARKDOWN_MAX_LENGTH = 20_000;

const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const ORDERED_MARKER = /^\d{1,9}[.)](?=[ \t]|$)/;
const FENCE = /^(`{3,}|~{3,})/;

const isBlank = (c: string | undefined) => c === undefined || c === ' ' || c === '\t';
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/**
 * Container markers at the start of a line: `>`, bullets, ordered markers, each possibly after
 * indentation (two columns of it per level of a nested list).
 */
function containersOf(line: string): { depth: number; end: number } {
	let i = 0;
	let depth = 0;
	let indent = 0;
	for (;;) {
		let columns = 0;
		while (line[i] === ' ' || line[i] === '\t') columns += line[i++] === '\t' ? 4 : 1;
		if (depth === 0) indent = columns;
		const c = line[i];
		if (c === '>') {
			i++;
		} else if ((c === '-' || c === '+' || c === '*') && isBlank(line[i + 1])) {
			i++;
		} else {
			const ordered = ORDERED_MARKER.exec(line.slice(i, i + 11));
			if (!ordered) break;
			i += ordered[0].length;
		}
		depth++;
	}
	return { depth: depth > 0 ? depth + Math.floor(indent / 2) : 0, end: i };
}

interface Run {
	char: string;
	length: number;
	/** Levels it nests: `***` is emphasis in strong emphasis; `~~` is one, a single `~` none. */
	levels: number;
	canOpen: boolean;
	canClose: boolean;
}

/** Delimiter runs (`*`, `_`, `~`) of a line's inline text, backslash escapes skipped. */
function collectRuns(text: string, from: number, runs: Run[]): void {
	for (let i = from; i < text.length; i++) {
		const c = text[i]!;
		if (c === '\\') {
			i++;
			continue;
		}
		if (c !== '*' && c !== '_' && c !== '~') continue;
		let end = i;
		while (text[end + 1] === c) end++;
		const length = end - i + 1;
		runs.push({
			char: c,
			length,
			levels: c === '~' ? (length >= 2 ? 1 : 0) : Math.ceil(length / 2),
			canOpen: end + 1 < text.length && !isSpace(text[end + 1]),
			canClose: i > from && !isSpace(text[i - 1])
		});
		i = end;
	}
}

/**
 * How deeply the emphasis of one paragraph nests: runs are paired roughly as a parser pairs them
 * (a closer with the nearest open run of its character), and only pairs that close count, so that
 * a line of stray asterisks scores nothing.
 */
function emphasisDepth(runs: readonly Run[]): number {
	const openers: Record<string, number[]> = { '*': [], _: [], '~': [] };
	const closes = new Map<number, number>();
	runs.forEach((run, i) => {
		const open = openers[run.char]!;
		const top = open.at(-1);
		// inside a word a run may open or close: it closes a run of its own length (`**a*b*c**`)
		const pairs = top !== undefined && (!run.canOpen || runs[top]!.length === run.length);
		if (run.canClose && pairs) closes.set(open.pop()!, i);
		else if (run.canOpen) open.push(i);
	});
	const closers = new Map([...closes].map(([opener, closer]) => [closer, opener]));
	let depth = 0;
	let deepest = 0;
	runs.forEach((run, i) => {
		if (closes.has(i)) deepest = Math.max(deepest, (depth += run.levels));
		const opener = closers.get(i);
		if (opener !== undefined) depth -= runs[opener]!.levels;
	});
	return deepest;
}

/**
 * How deeply a Markdown text nests, estimated in one pass in linear time without parsing it:
 * container markers starting a line (quotes, list items, indented sub-lists) plus the emphasis
 * (`*`, `_`, `~~`) that opens and closes within a paragraph. Fenced code counts nothing. For
 * ordinary text it is the real depth or a little more; for text built to nest, it is the nesting.
 *
 * @param text - Markdown
 * @returns the estimated depth (0 for plain text)
 * @example
 * markdownDepth('依据**《行政处罚法》**'); // → 1
 * markdownDepth('>'.repeat(5000) + ' 引文'); // → 5000
 */
export function markdownDepth(text: string): number {
	let deepest = 0;
	let fence: string | null = null;
	let blockDepth = 0;
	let runs: Run[] = [];
	const endParagraph = () => {
		deepest = Math.max(deepest, blockDepth + emphasisDepth(runs));
		blockDepth = 0;
		runs = [];
	};
	for (const line of text.split(/\r\n|\r|\n/)) {
		// `* * *` is a rule, not three list items
		const { depth, end } = THEMATIC_BREAK.test(line)
			? { depth: 0, end: line.length }
			: containersOf(line);
		const rest = line.slice(end);
		const marker = FENCE.exec(rest.trimStart())?.[1];
		if (fence !== null) {
			if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
			continue;
		}
		blockDepth = Math.max(blockDepth, depth);
		if (marker) {
			endParagraph();
			fence = marker;
		} else if (!rest.trim()) {
			endParagraph();
		} else {
			collectRuns(line, end, runs);
		}
	}
	endParagraph();
	return deepest;
}
