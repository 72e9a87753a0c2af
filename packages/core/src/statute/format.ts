/**
 * Writing a statute back as Markdown or plain text, the layouts the parsers read.
 */
import { formatArticleNo } from '../question/articles.ts';
import type { Statute, StatuteHeading } from './model.ts';

/**
 * Lists a heading tree in document order.
 *
 * @param headings - the top-level headings
 * @param parent - the index path of their parent (for recursion)
 * @returns each heading with its index path, parents before children
 * @example
 * flattenHeadings(statute.headings).map((h) => h.path); // → [[0], [1], [1, 0], [1, 1], [2]]
 */
export function flattenHeadings(
	headings: readonly StatuteHeading[],
	parent: number[] = []
): { heading: StatuteHeading; path: number[] }[] {
	return headings.flatMap((heading, i) => {
		const path = [...parent, i];
		return [{ heading, path }, ...flattenHeadings(heading.children, path)];
	});
}

const samePath = (a: readonly number[], b: readonly number[]) =>
	a.length === b.length && a.every((x, i) => x === b[i]);

/** The statute's blocks in order: headings (with their preambles) interleaved with articles. */
function blocks(
	statute: Statute,
	heading: (h: StatuteHeading) => string[],
	article: (no: number, paragraphs: string[]) => string[]
): string[] {
	const flat = flattenHeadings(statute.headings);
	let next = 0;
	const out: string[] = [];
	const emitUntil = (path: readonly number[] | null) => {
		while (next < flat.length) {
			const h = flat[next++]!;
			out.push(...heading(h.heading));
			if (h.heading.preamble) out.push(...h.heading.preamble.split('\n'));
			if (path && samePath(h.path, path)) return;
		}
	};
	for (const a of statute.articles) {
		if (
			a.headingPath.length > 0 &&
			!flat.slice(0, next).some((h) => samePath(h.path, a.headingPath))
		)
			emitUntil(a.headingPath);
		out.push(...article(a.no, a.text.split('\n')));
	}
	emitUntil(null);
	return out;
}

/**
 * Writes a statute in the Markdown layout that {@link parseStatuteMarkdown} reads.
 *
 * @param statute - the statute
 * @returns Markdown text, one blank line between paragraphs
 * @example
 * formatStatuteMarkdown(parseStatuteMarkdown(source).statute); // same statute, canonical layout
 */
export function formatStatuteMarkdown(statute: Statute): string {
	const body = blocks(
		statute,
		(h) => [`${'#'.repeat(h.level + 1)} ${h.title}`],
		(no, [first = '', ...more]) => [`${formatArticleNo(no)} ${first}`.trimEnd(), ...more]
	);
	return (
		[`# ${statute.title}`, ...statute.history, '<!-- INFO END -->', ...body].join('\n\n') + '\n'
	);
}

/**
 * Writes a statute as plain text laid out like the national law database: title, history in
 * parentheses, headings and articles separated from their text by a full-width space.
 *
 * @param statute - the statute
 * @returns plain text, one paragraph per line
 * @example
 * formatStatutePlainText(statute).split('\n')[0]; // → '中华人民共和国行政处罚法'
 */
export function formatStatutePlainText(statute: Statute): string {
	const body = blocks(
		statute,
		(h) => [h.title.replace(' ', '\u3000')],
		(no, [first = '', ...more]) => [
			`${formatArticleNo(no)}\u3000${first}`.trimEnd(),
			...more.map((p) => `\u3000\u3000${p}`)
		]
	);
	const history = statute.history.length > 0 ? [`（${statute.history.join('　')}）`] : [];
	return [statute.title, ...history, ...body].join('\n') + '\n';
}
