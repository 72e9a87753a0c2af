import { randomBytes } from 'node:crypto';
import { MARKDOWN_MAX_DEPTH, markdownDepth } from '@xuefa/core';
import { decodeHTML, escapeUTF8 } from 'entities';
import { Marked, type MarkedExtension, type TokenizerObject } from 'marked';
import markedCjkFriendly from 'marked-cjk-friendly';
import sanitizeHtml from 'sanitize-html';
import { log } from './log.ts';

/**
 * The most cells a table may have. Every row of a table is drawn as wide as its header: a header
 * of 900 columns over 6,000 rows of one character (20,000 characters in all) made 5.4 million
 * cells and took 70 s to render, on the thread that serves everyone; 270 small tables of 8 columns
 * and 16 such rows, 35,000 cells, took 0.6 s. So a table may have no more cells than half its
 * characters (a row typed out has at least two a cell, `|x`), and at most this many: a statute's
 * table (罚款标准: a few columns, a hundred rows) is far smaller.
 */
const TABLE_CELLS_MAX = 5_000;

/**
 * Markdown as legal text needs it, on top of GitHub-flavoured Markdown:
 * - a single `~` is a range (共3~7人, 5~9年), never strikethrough; only `~~` strikes;
 * - no raw HTML blocks: a text that starts with a tag (`<p>`, `<div>`) is still Markdown, its tags
 *   inline (and sanitised like any other), instead of the whole block being shown as typed;
 * - a table of more cells than {@link TABLE_CELLS_MAX}, or than half its characters, stays the
 *   text it was typed as.
 * Returning undefined from a tokenizer means "not this token"; false would fall back to marked's own.
 */
const legalText: { tokenizer: Partial<TokenizerObject> } = {
	tokenizer: {
		del(src: string) {
			return /^~(?!~)/.test(src) ? undefined : false;
		},
		html() {
			return undefined;
		},
		table(src: string) {
			const table = this.rules.block.table.exec(src);
			if (!table) return undefined;
			const columns = table[2]!
				.trim()
				.replace(/^\||\|$/g, '')
				.split('|').length;
			const cells = columns * (1 + (table[3] ? table[3].split('\n').length : 0));
			return cells > TABLE_CELLS_MAX || 2 * cells > table[0].length ? undefined : false;
		}
	}
};

/**
 * A fill-in blank (`___`, three or more underscores) is text, never emphasis: beside Chinese
 * punctuation (警告、___、记大过、___、开除), the CJK-friendly rules read two blanks as the
 * delimiters of `***strong emphasis***`, and the blanks vanished into bold italics. Taken as a token
 * of its own before marked's emphasis rules see it, it is written back as typed.
 */
const blanks: MarkedExtension = {
	extensions: [
		{
			name: 'blank',
			level: 'inline',
			start: (src) => {
				const at = src.indexOf('___');
				return at < 0 ? undefined : at;
			},
			tokenizer: (src) => {
				const run = /^_{3,}/.exec(src);
				return run ? { type: 'blank', raw: run[0] } : undefined;
			},
			renderer: (token) => token.raw
		}
	]
};

// One configured instance: GitHub-flavoured Markdown, line breaks kept (question stems are typed in
// plain text boxes, where a new line means a new line), and emphasis that works next to Chinese
// punctuation (**《行政处罚法》**规定): CommonMark's flanking rules treat CJK characters as letters,
// so `**` between 据 and 《 never opened. marked-cjk-friendly implements the CJK-friendly amendment
// to CommonMark, by the amendment's author.
const marked = new Marked(
	{ gfm: true, breaks: true, async: false },
	markedCjkFriendly(),
	legalText,
	blanks
);

const ALLOWED: sanitizeHtml.IOptions = {
	allowedTags: [
		'p',
		'br',
		'strong',
		'em',
		'del',
		'code',
		'pre',
		'blockquote',
		'ul',
		'ol',
		'li',
		'h3',
		'h4',
		'h5',
		'h6',
		'table',
		'thead',
		'tbody',
		'tr',
		'th',
		'td',
		'a',
		'hr',
		'sup',
		'sub'
	],
	allowedAttributes: { a: ['href', 'title', 'rel', 'target'], th: ['align'], td: ['align'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowProtocolRelative: false,
	transformTags: {
		// links in user content open safely and never pass the referrer or the opener
		a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' })
	},
	// a typed <p> or <div> inside Markdown's own paragraph leaves empty paragraphs behind
	exclusiveFilter: (frame) => frame.tag === 'p' && !frame.text.trim() && !frame.mediaChildren.length
};

/** The text as typed, escaped, in paragraphs and lines: what is shown when Markdown cannot be. */
function asPlainText(source: string): string {
	return source
		.split(/(?:\r?\n){2,}/)
		.filter((p) => p.trim())
		.map((p) => `<p>${escapeUTF8(p).replace(/\r?\n/g, '<br>')}</p>\n`)
		.join('');
}

/**
 * Lines longer than this are shown as typed. On some lines marked's inline rules take time growing
 * with the square of the line's length (`x.a.a…@`, `<aaa…@`, `*a` then spaces, `a` spaces `b`):
 * 1.5 s for one line of 20,000 characters, on the thread that serves everyone. Split into lines of
 * this length the same texts take milliseconds; a paragraph of legal text is far shorter.
 */
const LINE_MAX = 2_000;

// what stands for a long line while marked works: letters and digits, which no Markdown rule
// touches, and a nonce of this process, which nobody's text holds
const NONCE = randomBytes(6).toString('hex');
const ASIDE = new RegExp(`xfl${NONCE}n(\\d+)z`, 'g');
// what a long line keeps of its block: indentation, quote, list marker, heading
const BLOCK_PREFIX = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:#{1,6}[ \t]+)?/;

/**
 * Markdown to HTML, each line longer than {@link LINE_MAX} set aside from marked and put back as
 * escaped text (keeping its list marker, quote or heading).
 */
function parseLines(source: string): string {
	const aside: string[] = [];
	const text = source.replace(/[^\r\n]+/g, (line) => {
		if (line.length <= LINE_MAX) return line;
		const prefix = BLOCK_PREFIX.exec(line)![0];
		aside.push(line.slice(prefix.length));
		return `${prefix}xfl${NONCE}n${aside.length - 1}z`;
	});
	const html = marked.parse(text) as string;
	return aside.length ? html.replace(ASIDE, (_, i: string) => escapeUTF8(aside[Number(i)]!)) : html;
}

/**
 * Markdown to HTML that never throws: text nested deeper than questions may be (saved before the
 * bound existed, or arriving some other way) would overflow marked's stack, so it is shown as
 * plain text, as is anything else marked fails on.
 */
function parse(source: string): string {
	const depth = markdownDepth(source);
	if (depth <= MARKDOWN_MAX_DEPTH) {
		try {
			return parseLines(source);
		} catch (e) {
			log.warn({ err: e, length: source.length }, 'markdown shown as plain text');
			return asPlainText(source);
		}
	}
	log.warn({ depth, length: source.length }, 'markdown nested too deeply, shown as plain text');
	return asPlainText(source);
}

// Rendered texts kept in this process, the most recently used last: a question's stem and options
// are rendered for every paper and practice set they appear on (hundreds of papers drawn before
// an exam from one bank), and rendering and sanitising is the bulk of building a paper's view.
// The HTML depends on the text alone. Bounded in the length of a text kept and in the characters
// kept in all (texts and their HTML): a count of entries was no bound, since 4,000 characters of
// autolinks render to 28,000, and every text an editor's live preview sends is kept — 50,000 of
// them held gigabytes. A whole district's banks (stems, options, explanations) fit well within.
const RENDERED_TEXT_MAX = 4_000;
export const RENDERED_CHARS_MAX = 24_000_000;
const rendered = new Map<string, string>();
let renderedChars = 0;

/** What the cache of rendered texts holds now (for tests). */
export function renderedCacheSize(): { entries: number; chars: number } {
	return { entries: rendered.size, chars: renderedChars };
}

function keepRendered(source: string, html: string): void {
	rendered.set(source, html);
	renderedChars += source.length + html.length;
	// the least recently used go first
	for (const [text, kept] of rendered) {
		if (renderedChars <= RENDERED_CHARS_MAX) break;
		rendered.delete(text);
		renderedChars -= text.length + kept.length;
	}
}

/**
 * Markdown written by users (stems, explanations, lessons) as HTML safe to insert with {@html}:
 * always sanitised, whatever the input. The editors' live preview calls this same function.
 */
export function renderMarkdown(source: string): string {
	const kept = rendered.get(source);
	if (kept !== undefined) {
		rendered.delete(source);
		rendered.set(source, kept);
		return kept;
	}
	const html = sanitizeHtml(parse(source), ALLOWED);
	if (source.length <= RENDERED_TEXT_MAX) keepRendered(source, html);
	return html;
}

/** The text of Markdown without markup, for lists and search. */
export function markdownToText(source: string): string {
	return decodeHTML(sanitizeHtml(parse(source), { allowedTags: [], allowedAttributes: {} }))
		.replace(/\s+/g, ' ')
		.trim();
}
