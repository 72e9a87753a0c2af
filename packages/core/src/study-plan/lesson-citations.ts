/**
 * Citations in a lesson's Markdown: `[[《行政处罚法》第四十二条]]`, `[[行政处罚法第42条]]` or a whole
 * law, `[[行政处罚法]]`. The app turns each into a link to the article's stable page and warns
 * about articles its library lacks.
 */
import type { LawRef } from '../question/model.ts';
import { formatLawCitation, parseLawCitation } from '../question/articles.ts';

const CITATION = /\[\[([^[\]\n]{1,80})\]\]/g;

/** One citation marker found in a text. */
export interface LessonCitation {
	/** The marker as typed, brackets included. */
	marker: string;
	/** The law and article it cites, or undefined when the text between the brackets is not a citation. */
	ref: LawRef | undefined;
}

/**
 * The citation markers of a lesson text, in order (repeats included).
 *
 * @param text - Markdown
 * @returns each `[[…]]` marker with the reference it names
 * @example
 * lessonCitations('见[[行政处罚法第42条]]')[0]?.ref; // → { lawId: '行政处罚法', articleNo: 42 }
 */
export function lessonCitations(text: string): LessonCitation[] {
	return [...text.matchAll(CITATION)].map((m) => ({
		marker: m[0],
		ref: parseLawCitation(m[1]!.replace(/\s+/g, ''))
	}));
}

/**
 * The distinct references a text cites, in first-seen order.
 *
 * @param texts - Markdown texts (a lesson's body, or a case lesson's parts)
 * @returns the references, each once
 */
export function citedRefs(texts: readonly string[]): LawRef[] {
	const seen = new Map<string, LawRef>();
	for (const text of texts)
		for (const c of lessonCitations(text))
			if (c.ref) seen.set(`${c.ref.lawId}#${c.ref.articleNo ?? ''}`, c.ref);
	return [...seen.values()];
}

/**
 * Replaces every citation marker with `token(i)` and returns the citations by index, so that the
 * caller can render the Markdown and put its own links where the tokens are. Markers that do not
 * name a law are left as typed.
 *
 * @param text - Markdown
 * @param token - a placeholder Markdown leaves alone, for the i-th citation
 * @returns the text with placeholders, and each placeholder's reference and label
 */
export function replaceCitations(
	text: string,
	token: (i: number) => string
): { text: string; citations: { ref: LawRef; label: string }[] } {
	const citations: { ref: LawRef; label: string }[] = [];
	const out = text.replace(CITATION, (marker, inner: string) => {
		const ref = parseLawCitation(inner.replace(/\s+/g, ''));
		if (!ref) return marker;
		citations.push({ ref, label: formatLawCitation(ref) });
		return token(citations.length - 1);
	});
	return { text: out, citations };
}
