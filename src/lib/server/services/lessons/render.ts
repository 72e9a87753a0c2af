import { replaceCitations } from '@xuefa/core';
import { escapeUTF8 } from 'entities';
import { renderMarkdown } from '../../markdown.ts';

// Private-use characters, taken out of the typed text first: a lesson that held the pair itself
// (pasted, or typed to probe) made a link of someone else's citation, or failed the page
const token = (i: number) => `\uE000${i}\uE001`;
const TOKEN_CHARS = /[\uE000\uE001]/g;

/** The stable address of a cited article (or law), by the short title citations use. */
export function citationHref(ref: { lawId: string; articleNo?: number }): string {
	const law = `/laws/cite/${encodeURIComponent(ref.lawId)}`;
	return ref.articleNo === undefined ? law : `${law}/${ref.articleNo}`;
}

/**
 * A lesson text as safe HTML, its `[[…]]` citations as links to the articles' stable pages. The
 * links are put in after sanitising, from the parsed reference only (never from the typed text),
 * so that they stay in the same tab, unlike links a user typed.
 */
export function renderLessonText(source: string): string {
	if (!source.trim()) return '';
	const { text, citations } = replaceCitations(source.replace(TOKEN_CHARS, ''), token);
	return renderMarkdown(text).replace(/\uE000(\d+)\uE001/g, (_, i: string) => {
		const c = citations[Number(i)]!;
		return `<a href="${escapeUTF8(citationHref(c.ref))}">${escapeUTF8(c.label)}</a>`;
	});
}
