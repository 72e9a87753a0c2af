import TurndownService from 'turndown';
import { escapeMarkdown, htmlToText } from '@xuefa/core';

// turndown: the maintained HTML → Markdown converter; what it cannot map keeps only its text.
const service = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced' });
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

/**
 * HTML from another system (GIFT's `[html]` texts from Moodle) as the Markdown Xuefa stores: the
 * formatting kept, never tags shown as text. The Markdown is sanitised again when it is rendered.
 * Crafted HTML (thousands of tags, nesting deep enough to overflow the DOM's recursion) falls back
 * to the text without tags.
 */
export function htmlToMarkdown(html: string): string {
	let tags = 0;
	for (let i = html.indexOf('<'); i >= 0 && tags <= MAX_TAGS; i = html.indexOf('<', i + 1)) tags++;
	if (tags <= MAX_TAGS) {
		try {
			return service.turndown(
				html.replace(LONG_WHITESPACE, (run) => (run.includes('\n') ? '\n' : ' '))
			);
		} catch {
			// stack overflow on deep nesting: the text below
		}
	}
	return escapeMarkdown(htmlToText(html));
}
