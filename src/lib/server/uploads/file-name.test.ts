import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME, boundFileName } from './file-name.ts';

const length = (s: string) =>
	[...new Intl.Segmenter('zh-CN', { granularity: 'grapheme' }).segment(s)].length;

describe('an uploaded file’s name as it is kept', () => {
	it('is left as it is when it is short', () => {
		expect(boundFileName('2026年试题.xlsx')).toBe('2026年试题.xlsx');
	});

	it('keeps its beginning and its extension, cut at whole characters, when it is long', () => {
		const name = `${'行政处罚法试题'.repeat(300)}.xlsx`;
		const kept = boundFileName(name);
		expect(length(kept)).toBe(MAX_FILE_NAME);
		expect(kept).toMatch(/^行政处罚法试题.*…\.xlsx$/);
		// an emoji of several code points (a family) is kept whole or left out, never split
		const family = '👨‍👩‍👧';
		const cut = boundFileName(`${family.repeat(50)}.csv`, 10);
		expect(cut).toBe(`${family.repeat(5)}….csv`);
		expect(cut.isWellFormed()).toBe(true);
		// a name without an extension is cut all the same
		expect(boundFileName('a'.repeat(2000), 10)).toBe(`${'a'.repeat(9)}…`);
	});

	it('keeps neither a path nor the marks that reorder text, nor control characters', () => {
		// shown as "试题fdp.xlsx" by a browser or a spreadsheet reading the audit log
		expect(boundFileName('C:\\Users\\张三\\试题\u202Excsl.xlsx')).toBe('试题xcsl.xlsx');
		expect(boundFileName('../../etc/题库\u0000\n.csv')).toBe('题库.csv');
		expect(boundFileName('\u2066\u200f')).toBe('');
	});
});
