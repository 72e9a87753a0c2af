/**
 * Comparing two versions of a statute, naming a version, and recognising an identical text.
 */
import { normaliseStatuteText } from './assemble.ts';
import { flattenHeadings } from './format.ts';
import type { Statute, StatuteArticleText } from './model.ts';

/** How an article of the next version compares with the previous version. */
export type ArticleChange = 'new' | 'changed' | 'unchanged';

/** The result of {@link diffStatutes}. */
export interface StatuteDiff {
	/** Every article of the next version, in its order. */
	articles: { no: number; change: ArticleChange }[];
	/** Numbers of the articles that changed or are new, ascending. */
	changed: number[];
	/** Numbers of the previous version's articles that the next version no longer has, ascending. */
	removed: number[];
}

/**
 * Compares two versions article by article (by number), ignoring whitespace: an article is new when
 * the previous version has no article with its number, changed when the texts differ.
 *
 * @param previous - the previous version's articles
 * @param next - the next version's articles
 * @returns the change of each next article, and the removed numbers
 * @example
 * diffStatutes(
 * 	{ articles: [{ no: 1, text: '甲' }, { no: 2, text: '乙' }] },
 * 	{ articles: [{ no: 1, text: '甲 ' }, { no: 3, text: '丙' }] }
 * );
 * // → { articles: [{ no: 1, change: 'unchanged' }, { no: 3, change: 'new' }], changed: [3], removed: [2] }
 */
export function diffStatutes(
	previous: { articles: readonly StatuteArticleText[] },
	next: { articles: readonly StatuteArticleText[] }
): StatuteDiff {
	const before = new Map(previous.articles.map((a) => [a.no, normaliseStatuteText(a.text)]));
	const after = new Set(next.articles.map((a) => a.no));
	const articles = next.articles.map((a) => {
		const old = before.get(a.no);
		const change: ArticleChange =
			old === undefined ? 'new' : old === normaliseStatuteText(a.text) ? 'unchanged' : 'changed';
		return { no: a.no, change };
	});
	const ascending = (x: number, y: number) => x - y;
	return {
		articles,
		changed: articles
			.filter((a) => a.change !== 'unchanged')
			.map((a) => a.no)
			.sort(ascending),
		removed: [...before.keys()].filter((no) => !after.has(no)).sort(ascending)
	};
}

/**
 * A canonical text of everything that makes two imports "the same statute text": title, headings,
 * preambles and articles, whitespace ignored. History lines are left out (they name the version).
 * Hash it to recognise a re-import.
 *
 * @param statute - the statute
 * @returns a canonical string
 */
export function statuteFingerprint(statute: Statute): string {
	const headings = flattenHeadings(statute.headings).map(
		({ heading, path }) =>
			`H${path.join('.')}:${normaliseStatuteText(heading.title)}|${normaliseStatuteText(heading.preamble ?? '')}`
	);
	const articles = statute.articles.map(
		(a) => `A${a.no}@${a.headingPath.join('.')}:${normaliseStatuteText(a.text)}`
	);
	return [normaliseStatuteText(statute.title), ...headings, ...articles].join('\n');
}

const DATE = /([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日/;
const FILE_DATE = /([0-9]{4})-([0-9]{2})-([0-9]{2})/;

/**
 * A label for a version: the date of the last history line with what happened (通过, 修正, 修订),
 * else the date in the file name (行政处罚法(2021-01-22).md), else empty.
 *
 * @param history - the statute's history lines
 * @param fileName - the source file's name, when there is one
 * @returns e.g. `2021-01-22 修订`, `2018-12-29`, or `''`
 * @example
 * statuteVersionLabel(['2021年1月22日 第十三届全国人民代表大会常务委员会第二十五次会议修订']);
 * // → '2021-01-22 修订'
 */
export function statuteVersionLabel(history: readonly string[], fileName = ''): string {
	const pad = (s: string) => s.padStart(2, '0');
	const last = [...history].reverse().find((h) => DATE.test(h));
	if (last) {
		const [, y, m, d] = DATE.exec(last)!;
		const kind = ['修订', '修正', '通过'].find((k) => last.includes(k));
		return `${y}-${pad(m!)}-${pad(d!)}${kind ? ` ${kind}` : ''}`;
	}
	const f = FILE_DATE.exec(fileName);
	return f ? `${f[1]}-${f[2]}-${f[3]}` : '';
}
