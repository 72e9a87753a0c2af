/**
 * What both parsers share: line clean-up, article and heading recognition, and the assembly of a
 * token stream (headings and paragraphs) into a {@link Statute}.
 */
import type { Issue } from '../errors.ts';
import { parseChineseNumeral } from '../question/articles.ts';
import type { Statute, StatuteArticle, StatuteHeading, StatuteParseResult } from './model.ts';

export type Token =
	| { kind: 'heading'; level: number; title: string; line: number }
	| { kind: 'paragraph'; text: string; line: number };

const NUMERAL = '[0-9０-９零〇○一二两三四五六七八九十百千]+';
// 第N条 followed by a space (half or full width) or the end of the paragraph: "第三十条规定的…"
// at the start of a paragraph is a reference, not an article.
const ARTICLE = new RegExp(`^第(${NUMERAL})条(?:\\s+([\\s\\S]*))?$`);
const NUMBERED_HEADING = new RegExp(`^(第${NUMERAL}(编|章|节))(?:\\s*(.*))?$`);
/** Heading kinds from the outermost in. */
export const HEADING_KINDS = ['编', '章', '节'] as const;
export const PREAMBLE_TITLES = ['序言', '前言'];
const isPreambleTitle = (title: string) => PREAMBLE_TITLES.includes(title.replace(/\s+/g, ''));
const CHINA = '中华人民共和国';

/** Drops zero-width characters and byte-order marks, and trims (full-width spaces included). */
export function cleanLine(line: string): string {
	return line.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim();
}

/**
 * The text with every kind of whitespace removed: what "the same text" means for statutes.
 *
 * @param text - an article's or heading's text
 * @returns the text without spaces, line breaks, full-width or zero-width spaces
 * @example
 * normaliseStatuteText('总\u3000则\n'); // → '总则'
 */
export function normaliseStatuteText(text: string): string {
	return text.replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '');
}

/** An article's opening paragraph: its number and the rest of the paragraph. */
export function matchArticle(paragraph: string): { no: number; rest: string } | undefined {
	const m = ARTICLE.exec(paragraph);
	if (!m?.[1]) return undefined;
	const no = parseChineseNumeral(m[1].replace('○', '〇'));
	return no === undefined || no < 1 ? undefined : { no, rest: (m[2] ?? '').trim() };
}

/**
 * A numbered heading line such as `第一章\u3000总\u3000\u3000则` (full-width spaces) → `{ kind: '章', title: '第一章 总则' }`;
 * undefined for anything else (a sentence that starts with 第一章 is not a heading).
 */
export function matchNumberedHeading(
	line: string
): { kind: (typeof HEADING_KINDS)[number]; title: string } | undefined {
	const m = NUMBERED_HEADING.exec(line);
	if (!m?.[1]) return undefined;
	const name = (m[3] ?? '').replace(/\s+/g, '');
	if (/[。；，：]/.test(name) || name.length > 40) return undefined;
	return {
		kind: m[2] as (typeof HEADING_KINDS)[number],
		title: name ? `${m[1]} ${name}` : m[1]
	};
}

/** A heading's title as stored: numbered headings normalised, others with spaces collapsed. */
export function headingTitle(raw: string): string {
	const line = cleanLine(raw);
	const numbered = matchNumberedHeading(line);
	if (numbered) return numbered.title;
	return isPreambleTitle(line) ? line.replace(/\s+/g, '') : line.replace(/\s+/g, ' ');
}

/** The title without the 中华人民共和国 prefix (and without book-title marks). */
export function shortTitleOf(title: string): string {
	const t = title.replace(/^《(.*)》$/, '$1').trim();
	return t.startsWith(CHINA) && t.length > CHINA.length ? t.slice(CHINA.length) : t;
}

/**
 * Builds the statute from its tokens: each paragraph starting 第N条 opens an article that runs until
 * the next article or heading; other paragraphs under a 序言 heading are its preamble.
 */
export function assemble(
	title: string,
	history: string[],
	tokens: readonly Token[],
	issues: Issue[]
): StatuteParseResult {
	const headings: StatuteHeading[] = [];
	const articles: StatuteArticle[] = [];
	const seen = new Set<number>();
	// the open headings, outermost first, with their index paths
	let stack: { heading: StatuteHeading; path: number[] }[] = [];
	let article: { no: number; paragraphs: string[]; line: number; path: number[] } | undefined;
	let preambleHeadings = 0;
	// after a duplicate article number, until the next article or heading
	let skipping = false;

	const closeArticle = () => {
		if (!article) return;
		const text = article.paragraphs.join('\n');
		if (!text)
			issues.push({ code: 'statute.article.empty', line: article.line, data: { no: article.no } });
		articles.push({ no: article.no, text, headingPath: article.path, line: article.line });
		article = undefined;
	};

	for (const token of tokens) {
		if (token.kind === 'heading') {
			closeArticle();
			skipping = false;
			while (stack.length > 0 && stack[stack.length - 1]!.heading.level >= token.level) stack.pop();
			const parent = stack[stack.length - 1];
			const siblings = parent ? parent.heading.children : headings;
			const heading: StatuteHeading = {
				level: token.level,
				title: token.title,
				line: token.line,
				children: []
			};
			siblings.push(heading);
			stack = [...stack, { heading, path: [...(parent?.path ?? []), siblings.length - 1] }];
			continue;
		}
		const opening = matchArticle(token.text);
		if (opening) {
			closeArticle();
			const last = articles[articles.length - 1];
			if (seen.has(opening.no)) {
				issues.push({
					code: 'statute.article.duplicate',
					line: token.line,
					data: { no: opening.no }
				});
				// the paragraphs of a duplicate are dropped with it, reported once
				article = undefined;
				skipping = true;
				continue;
			}
			const expected = (last?.no ?? 0) + 1;
			if (opening.no !== expected) {
				issues.push({
					code: 'statute.article.order',
					line: token.line,
					data: { no: opening.no, expected }
				});
			}
			seen.add(opening.no);
			skipping = false;
			article = {
				no: opening.no,
				paragraphs: opening.rest ? [opening.rest] : [],
				line: token.line,
				path: stack[stack.length - 1]?.path ?? []
			};
			continue;
		}
		if (skipping) continue;
		if (article) {
			article.paragraphs.push(token.text);
			continue;
		}
		const open = stack[stack.length - 1]?.heading;
		if (open && isPreambleTitle(open.title)) {
			if (open.preamble === undefined && ++preambleHeadings > 1) {
				issues.push({ code: 'statute.preamble.duplicate', line: token.line });
			}
			open.preamble = open.preamble === undefined ? token.text : `${open.preamble}\n${token.text}`;
			continue;
		}
		issues.push({
			code: 'statute.text.orphan',
			line: token.line,
			data: { text: token.text.slice(0, 20) }
		});
	}
	closeArticle();
	if (articles.length === 0) issues.push({ code: 'statute.articles.none', line: 1 });
	issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
	const statute: Statute = { title, shortTitle: shortTitleOf(title), history, headings, articles };
	return { statute, issues };
}
