import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// One configured instance: GitHub-flavoured Markdown, line breaks kept (question stems are typed
// in plain text boxes, where a new line means a new line).
const marked = new Marked({ gfm: true, breaks: true, async: false });

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
	}
};

/**
 * Markdown written by users (stems, explanations, lessons) as HTML safe to insert with {@html}:
 * always sanitised, whatever the input.
 */
export function renderMarkdown(source: string): string {
	return sanitizeHtml(marked.parse(source) as string, ALLOWED);
}

/** The text of Markdown without markup, for lists and search. */
export function markdownToText(source: string): string {
	return sanitizeHtml(marked.parse(source) as string, { allowedTags: [], allowedAttributes: {} })
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/\s+/g, ' ')
		.trim();
}
