import TurndownService from 'turndown';
import { escapeMarkdown, htmlToText } from '@xuefa/core';

// turndown: the maintained HTML → Markdown converter; what it cannot map keeps only its text.
const service = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced' });
service.remove(['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'button']);

/** A question's text never has this many tags; a file that does gets its plain text instead. */
const MAX_TAGS = 2000;

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
			return service.turndown(html);
		} catch {
			// stack overflow on deep nesting: the text below
		}
	}
	return escapeMarkdown(htmlToText(html));
}
