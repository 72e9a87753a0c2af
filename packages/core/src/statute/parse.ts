/**
 * Reading statutes from Markdown (the layout of the project's law files) and from plain text copied
 * from the national law database (flk.npc.gov.cn).
 */
import type { Issue } from '../errors.ts';
import {
	HEADING_KINDS,
	PREAMBLE_TITLES,
	type Token,
	assemble,
	cleanLine,
	headingTitle,
	matchArticle,
	matchNumberedHeading
} from './assemble.ts';
import type { StatuteParseResult } from './model.ts';

const INFO_END = '<!-- INFO END -->';

/**
 * A Markdown heading line (`## 第一章 总则 ##`): its level and its text without the closing `#`s.
 * Read by a scan: `(.+?)\s*#*$` tried every split of a run of spaces, quadratic in its length.
 */
function markdownHeading(text: string): { level: number; title: string } | undefined {
	const level = /^#{1,6}(?=\s)/.exec(text)?.[0].length;
	if (level === undefined) return undefined;
	let title = text.slice(level).trimStart();
	let end = title.length;
	while (end > 1 && title[end - 1] === '#') end--;
	title = title.slice(0, end).trimEnd();
	return title ? { level, title } : undefined;
}

interface Line {
	text: string;
	line: number;
}

const linesOf = (text: string): Line[] =>
	text.split(/\r\n|\r|\n/).map((t, i) => ({ text: cleanLine(t), line: i + 1 }));

/**
 * Parses a statute in Markdown: `# title`, history lines, `<!-- INFO END -->`, `## 第X章 …` and
 * `### 第X节 …` headings (or `## 序言`, whose paragraphs become the heading's preamble), and
 * paragraphs starting `第N条`. Each non-empty line is a paragraph; an article spans the paragraphs
 * after it until the next article or heading.
 *
 * @param text - the Markdown source
 * @returns the statute and the issues found, each with its line
 * @example
 * const { statute, issues } = parseStatuteMarkdown(
 * 	'# 中华人民共和国示例法\n\n2020年1月1日 通过\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了示例，制定本法。\n'
 * );
 * statute.shortTitle; // → '示例法'
 * statute.articles[0]; // → { no: 1, text: '为了示例，制定本法。', headingPath: [0], line: 9 }
 */
export function parseStatuteMarkdown(text: string): StatuteParseResult {
	const lines = linesOf(text).filter((l) => l.text !== '');
	const issues: Issue[] = [];
	let title = '';
	let start = 0;
	const first = lines[0];
	const titleMatch = first ? markdownHeading(first.text) : undefined;
	if (titleMatch?.level === 1) {
		title = titleMatch.title;
		start = 1;
	} else {
		issues.push({ code: 'statute.title.missing', line: first?.line ?? 1 });
	}
	const rest = lines.slice(start);
	const marker = rest.findIndex((l) => l.text === INFO_END);
	// without the marker, the history is whatever stands before the first heading or article
	const firstStructure = rest.findIndex(
		(l) => markdownHeading(l.text) !== undefined || matchArticle(l.text) !== undefined
	);
	const bodyStart = marker >= 0 ? marker + 1 : firstStructure < 0 ? rest.length : firstStructure;
	const history = rest.slice(0, marker >= 0 ? marker : bodyStart).map((l) => l.text);
	const tokens: Token[] = [];
	for (const l of rest.slice(bodyStart)) {
		if (/^<!--.*-->$/.test(l.text)) continue;
		const h = markdownHeading(l.text);
		if (h) {
			tokens.push({
				kind: 'heading',
				level: Math.max(1, h.level - 1),
				title: headingTitle(h.title),
				line: l.line
			});
		} else tokens.push({ kind: 'paragraph', text: l.text, line: l.line });
	}
	return assemble(title, history, tokens, issues);
}

const isToc = (text: string) => text.replace(/\s+/g, '') === '目录';
const isPreambleLine = (text: string) => PREAMBLE_TITLES.includes(text.replace(/\s+/g, ''));

/** History entries from the lines under the title: `（1996年…通过 根据2009年…修正 …）`, entries separated by full-width spaces. */
function historyEntries(lines: readonly string[]): string[] {
	let inner = lines.join('\u3000').trim();
	// sliced and trimmed rather than `\s*[）)]$`, which is quadratic in a run of spaces
	if (/^[（(]/.test(inner)) inner = inner.slice(1).trimStart();
	if (/[）)]$/.test(inner)) inner = inner.slice(0, -1).trimEnd();
	// split at the start of a run of spaces only: from inside a run, `\s+` would scan it again
	return inner
		.split(/(?<!\s)\s+(?=根据|[0-9〇○一二]{4}年)/)
		.map((e) => e.trim())
		.filter(Boolean);
}

/**
 * Parses a statute copied as plain text from the national law database: the title on the first
 * non-empty line, the history (usually in parentheses) under it, an optional 目录 that is skipped,
 * heading lines such as `第一章\u3000总\u3000\u3000则` (full-width spaces are fine), and articles such as
 * `第一条\u3000为了……`. Each line is a paragraph.
 *
 * @param text - the plain text
 * @returns the statute and the issues found, each with its line
 * @example
 * const { statute } = parseStatutePlainText(
 * 	'中华人民共和国示例法\n（2020年1月1日第十三届全国人民代表大会常务委员会第一次会议通过）\n第一章\u3000总则\n第一条\u3000为了示例，制定本法。'
 * );
 * statute.headings[0]?.title; // → '第一章 总则'
 */
export function parseStatutePlainText(text: string): StatuteParseResult {
	const lines = linesOf(text).filter((l) => l.text !== '');
	const issues: Issue[] = [];
	const first = lines[0];
	const title = first ? first.text.replace(/^《(.*)》$/, '$1') : '';
	if (!first) issues.push({ code: 'statute.title.missing', line: 1 });
	const rest = lines.slice(1);
	const isStructure = (t: string) =>
		isToc(t) ||
		isPreambleLine(t) ||
		matchNumberedHeading(t) !== undefined ||
		matchArticle(t) !== undefined;
	let bodyStart = rest.findIndex((l) => isStructure(l.text));
	if (bodyStart < 0) bodyStart = rest.length;
	const history = historyEntries(rest.slice(0, bodyStart).map((l) => l.text));
	let body = rest.slice(bodyStart);
	if (body[0] && isToc(body[0].text)) {
		const toc = body[0];
		const firstEntry = body[1]?.text.replace(/\s+/g, '');
		const end = body.findIndex((l, i) => i > 1 && l.text.replace(/\s+/g, '') === firstEntry);
		if (firstEntry === undefined || end < 0) {
			issues.push({ code: 'statute.toc.unterminated', line: toc.line });
			body = body.slice(1);
		} else body = body.slice(end);
	}
	const kinds = new Set(body.map((l) => matchNumberedHeading(l.text)?.kind).filter(Boolean));
	const levelOf = (kind: (typeof HEADING_KINDS)[number]) =>
		HEADING_KINDS.filter((k) => kinds.has(k)).indexOf(kind) + 1;
	const tokens: Token[] = body.map((l): Token => {
		const h = matchNumberedHeading(l.text);
		if (h) return { kind: 'heading', level: levelOf(h.kind), title: h.title, line: l.line };
		if (isPreambleLine(l.text))
			return { kind: 'heading', level: 1, title: headingTitle(l.text), line: l.line };
		return { kind: 'paragraph', text: l.text, line: l.line };
	});
	return assemble(title, history, tokens, issues);
}
