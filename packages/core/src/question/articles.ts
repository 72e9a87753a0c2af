/**
 * Chinese article numbers: 第四十二条 ↔ 42, and citations such as 《行政处罚法》第四十二条.
 */
import type { LawRef } from './model.ts';

const DIGITS = '零一二三四五六七八九';
const DIGIT_VALUE: Record<string, number> = {
	零: 0,
	〇: 0,
	一: 1,
	壹: 1,
	二: 2,
	两: 2,
	贰: 2,
	三: 3,
	叁: 3,
	四: 4,
	肆: 4,
	五: 5,
	伍: 5,
	六: 6,
	陆: 6,
	七: 7,
	柒: 7,
	八: 8,
	捌: 8,
	九: 9,
	玖: 9
};
const UNIT_VALUE: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/**
 * Writes a positive integer below 10,000 in Chinese numerals, the way statutes number articles.
 *
 * @param n - an integer from 1 to 9999
 * @returns e.g. `四十二`, `一百零五`, `十`
 * @example
 * toChineseNumeral(105); // → '一百零五'
 */
export function toChineseNumeral(n: number): string {
	if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`out of range: ${n}`);
	const units = ['千', '百', '十', ''];
	const digits = String(n).padStart(4, '0').split('').map(Number);
	let out = '';
	let zero = false;
	digits.forEach((d, i) => {
		if (d === 0) {
			if (out) zero = true;
			return;
		}
		if (zero) out += '零';
		zero = false;
		out += DIGITS.charAt(d) + (units[i] ?? '');
	});
	// 一十二 → 十二 (statutes write 第十二条)
	return out.startsWith('一十') ? out.slice(1) : out;
}

/**
 * Reads Chinese numerals (四十二, 一百零五, 十, 二〇) or ASCII/full-width digits as a number.
 *
 * @param text - the numeral text
 * @returns the number, or `undefined` when the text is not a numeral
 */
export function parseChineseNumeral(text: string): number | undefined {
	const t = text.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
	if (/^\d+$/.test(t)) return Number(t);
	if (!t || ![...t].every((c) => c in DIGIT_VALUE || c in UNIT_VALUE)) return undefined;
	if (![...t].some((c) => c in UNIT_VALUE)) {
		// digit by digit, e.g. 二〇
		return Number([...t].map((c) => DIGIT_VALUE[c]).join(''));
	}
	let total = 0;
	let digit: number | undefined;
	let lastUnit = Infinity;
	for (const c of t) {
		const d = DIGIT_VALUE[c];
		if (d !== undefined) {
			if (digit !== undefined && digit !== 0 && d !== 0) return undefined;
			digit = d;
			continue;
		}
		const u = UNIT_VALUE[c]!;
		if (u >= lastUnit) return undefined;
		total += (digit ?? 1) * u;
		digit = undefined;
		lastUnit = u;
	}
	return total + (digit ?? 0);
}

/**
 * Parses an article number: `第四十二条`, `四十二`, `第42条` or `42` → 42.
 *
 * @param text - the article text
 * @returns the article number, or `undefined` if the text is not one
 * @example
 * parseArticleNo('第四十二条'); // → 42
 */
export function parseArticleNo(text: string): number | undefined {
	// trimmed first: `\s*条?\s*$` tries every split of a run of spaces, quadratic in its length
	const m =
		/^第?\s*([0-9０-９零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟]+)\s*条?$/.exec(
			text.trim()
		);
	const n = m?.[1] === undefined ? undefined : parseChineseNumeral(m[1]);
	return n !== undefined && n >= 1 ? n : undefined;
}

/**
 * Formats an article number the way statutes write it.
 *
 * @param articleNo - the number, e.g. 42
 * @returns e.g. `第四十二条`
 * @example
 * formatArticleNo(42); // → '第四十二条'
 */
export function formatArticleNo(articleNo: number): string {
	return `第${toChineseNumeral(articleNo)}条`;
}

/**
 * Parses a citation such as `《行政处罚法》第四十二条` or `行政处罚法第42条` into a {@link LawRef}.
 *
 * @param text - the citation
 * @returns the reference, or `undefined` when no law title can be read
 * @example
 * parseLawCitation('《行政处罚法》第四十二条'); // → { lawId: '行政处罚法', articleNo: 42 }
 */
export function parseLawCitation(text: string): LawRef | undefined {
	// cut at the first 第 rather than matched by `《?([^《》第]+?)》?\s*(第.+条)?\s*$`, whose lazy
	// title and two runs of spaces were cubic in a run of spaces
	const t = text.trim().replace(/^《/, '');
	const at = t.indexOf('第');
	const article = at < 0 ? undefined : t.slice(at);
	const lawId = (at < 0 ? t : t.slice(0, at)).replace(/》\s*$/, '').trim();
	if (!lawId || /[《》]/.test(lawId)) return undefined;
	if (article === undefined) return { lawId };
	if (!/^第.+条$/.test(article)) return undefined;
	const articleNo = parseArticleNo(article);
	return articleNo === undefined ? undefined : { lawId, articleNo };
}

/**
 * Formats a {@link LawRef} as a citation.
 *
 * @param ref - the reference
 * @returns e.g. `《行政处罚法》第四十二条`
 */
export function formatLawCitation(ref: LawRef): string {
	return `《${ref.lawId}》${ref.articleNo === undefined ? '' : formatArticleNo(ref.articleNo)}`;
}
