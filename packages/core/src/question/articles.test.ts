import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	formatArticleNo,
	formatLawCitation,
	parseArticleNo,
	parseLawCitation,
	toChineseNumeral
} from '../index.ts';

describe('article numbers', () => {
	it('writes numerals the way statutes do', () => {
		expect(toChineseNumeral(10)).toBe('十');
		expect(toChineseNumeral(12)).toBe('十二');
		expect(toChineseNumeral(42)).toBe('四十二');
		expect(toChineseNumeral(105)).toBe('一百零五');
		expect(toChineseNumeral(110)).toBe('一百一十');
		expect(toChineseNumeral(1001)).toBe('一千零一');
		expect(formatArticleNo(42)).toBe('第四十二条');
	});

	it('reads Chinese, ASCII and full-width numbers', () => {
		expect(parseArticleNo('第四十二条')).toBe(42);
		expect(parseArticleNo('第42条')).toBe(42);
		expect(parseArticleNo('４２')).toBe(42);
		expect(parseArticleNo('一百零五')).toBe(105);
		expect(parseArticleNo('第十条')).toBe(10);
		expect(parseArticleNo('第二百条')).toBe(200);
		expect(parseArticleNo('第条')).toBeUndefined();
		expect(parseArticleNo('abc')).toBeUndefined();
		expect(parseArticleNo('0')).toBeUndefined();
		expect(parseArticleNo(' 第 42 条\u3000')).toBe(42);
	});

	it('reads a run of spaces in one pass (the question editor and row imports pass any text)', () => {
		const spaces = ' '.repeat(500_000);
		expect(parseArticleNo(`42${spaces}x`)).toBeUndefined();
		expect(parseArticleNo(`${spaces}x${spaces}`)).toBeUndefined();
		expect(parseArticleNo(`${spaces}第42${spaces}条${spaces}`)).toBe(42);
	});

	it('round-trips every number from 1 to 9999', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 9999 }),
				(n) => parseArticleNo(formatArticleNo(n)) === n
			)
		);
	});

	it('parses and formats citations', () => {
		expect(parseLawCitation('《行政处罚法》第四十二条')).toEqual({
			lawId: '行政处罚法',
			articleNo: 42
		});
		expect(parseLawCitation('行政许可法')).toEqual({ lawId: '行政许可法' });
		expect(formatLawCitation({ lawId: '宪法', articleNo: 27 })).toBe('《宪法》第二十七条');
		expect(parseLawCitation(' 《行政处罚法 》 第 42 条 ')).toEqual({
			lawId: '行政处罚法',
			articleNo: 42
		});
		expect(parseLawCitation('《》第一条')).toBeUndefined();
		expect(parseLawCitation('《甲》乙')).toBeUndefined();
		expect(parseLawCitation('甲第一款')).toBeUndefined();
		expect(parseLawCitation(' \u3000 ')).toBeUndefined();
	});

	it('reads a citation with runs of spaces in one pass', () => {
		const spaces = ' '.repeat(200_000);
		expect(parseLawCitation(`行政${spaces}x`)).toEqual({ lawId: `行政${spaces}x` });
		expect(parseLawCitation(`《行政处罚法${spaces}》${spaces}第${spaces}`)).toBeUndefined();
	});
});
