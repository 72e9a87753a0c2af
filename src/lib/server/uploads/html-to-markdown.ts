import TurndownService from 'turndown';
import { escapeMarkdown, htmlToText } from '@xuefa/core';

// turndown: the maintained HTML → Markdown converter; what it cannot map keeps only its text.
const service = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced' });
// a text node escaped as the other importers escape plain text: only what would change how it
// shows (turndown's own escapes every `_`, and `snake_case` came out as snake\_case in editors)
service.escape = escapeMarkdown;
service.remove(['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'button']);

/** A question's text never has this many tags; a file that does gets its plain text instead. */
const MAX_TAGS = 2000;

/**
 * A run of whitespace longer than any text needs: turndown cleans attribute values (href, title,
 * alt) with a pattern whose time grows with the square of such a run (40,000 spaces in an href
 * took 2.5 s). HTML shows a run of whitespace as one space outside <pre>, and an attribute's
 * whitespace is not meant to be seen, so the run becomes one space, or one line break if it has one.
 */
const LONG_WHITESPACE = /\s{65,}/g;

/** Elements that have no end tag: they do not nest what follows them. */
const VOID = new Set([
	'area',
	'base',
	'br',
	'col',
	'embed',
	'hr',
	'img',
	'input',
	'link',
	'meta',
	'wbr'
]);
/** Nesting deeper than any question's HTML: turndown's time grows with its square (2,000 took 1 s). */
const MAX_DEPTH = 64;
const TAG_NAME = /[a-zA-Z][a-zA-Z0-9]*/y;

/** The tags of `html` (counted up to just past MAX_TAGS) and how deep its elements nest. */
function shapeOf(html: string): { tags: number; depth: number } {
	let tags = 0;
	let depth = 0;
	let deepest = 0;
	for (let i = html.indexOf('<'); i >= 0 && tags <= MAX_TAGS; i = html.indexOf('<', i + 1)) {
		tags++;
		if (html[i + 1] === '/') depth = Math.max(0, depth - 1);
		else {
			TAG_NAME.lastIndex = i + 1;
			const name = TAG_NAME.exec(html)?.[0].toLowerCase();
			if (name && !VOID.has(name)) deepest = Math.max(deepest, ++depth);
		}
	}
	return { tags, depth: deepest };
}

/**
 * What converting one file's HTML may cost in all, in tags, each text counting as twelve more: a
 * conversion takes about 0.25 ms and 25 µs a tag (it builds a document), so this is a few seconds
 * of the upload worker. A file of 5,000 questions of 26 options, each option's HTML converted on
 * its own, took 14 s; past the budget the file's texts keep their plain text, which costs next to
 * nothing. A Moodle export's options and feedback are mostly text without tags, which costs nothing
 * here either.
 */
const FILE_BUDGET = 150_000;
const TEXT_COST = 12;

/**
 * HTML from another system (GIFT's `[html]` texts from Moodle) as the Markdown Xuefa stores: the
 * formatting kept, never tags shown as text. The Markdown is sanitised again when it is rendered.
 * Crafted HTML (thousands of tags, nesting deep enough to overflow the DOM's recursion) falls back
 * to the text without tags.
 */
export function htmlToMarkdown(html: string): string {
	return htmlConverter()(html);
}

/**
 * {@link htmlToMarkdown} for the texts of one file, within {@link FILE_BUDGET}. A text with no
 * markup is escaped as a text node is, without building a document for it.
 */
export function htmlConverter(): (html: string) => string {
	let left = FILE_BUDGET;
	return (html) => {
		if (!/[<&]/.test(html)) return escapeMarkdown(html.replace(/[ \r\n\t]+/g, ' ').trim());
		const { tags, depth } = shapeOf(html);
		const cost = tags + TEXT_COST;
		if (tags <= MAX_TAGS && depth <= MAX_DEPTH && cost <= left) {
			left -= cost;
			try {
				return service.turndown(
					html.replace(LONG_WHITESPACE, (run) => (run.includes('\n') ? '\n' : ' '))
				);
			} catch {
				// stack overflow on deep nesting: the text below
			}
		}
		return escapeMarkdown(htmlToText(html));
	};
}
