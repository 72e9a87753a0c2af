import { describe, expect, it } from 'vitest';
import { decodeCsv, parseCsv } from './csv.ts';
import { gbk, utf16 } from '../testing/encodings.ts';
import { readSpreadsheet } from './read.ts';
import { DEFAULT_LIMITS, SpreadsheetError } from './types.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
// "单位,姓名\r\n区司法局,张三\r\n" saved by Excel as CSV on a Chinese Windows (GBK)
const GBK = Uint8Array.from([
	0xb5, 0xa5, 0xce, 0xbb, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb, 0x0d, 0x0a, 0xc7, 0xf8, 0xcb, 0xbe, 0xb7,
	0xa8, 0xbe, 0xd6, 0x2c, 0xd5, 0xc5, 0xc8, 0xfd, 0x0d, 0x0a
]);

describe('parseCsv', () => {
	it('splits fields and records with CRLF, LF or CR', () => {
		expect(parseCsv('a,b\r\nc,d\ne,f\rg,h')).toEqual([
			['a', 'b'],
			['c', 'd'],
			['e', 'f'],
			['g', 'h']
		]);
	});

	it('keeps commas, line breaks and doubled quotes inside quoted fields', () => {
		expect(parseCsv('"a,1","say ""hi""","two\r\nlines"\r\nx,,"" \n')).toEqual([
			['a,1', 'say "hi"', 'two\r\nlines'],
			['x', '', ' ']
		]);
	});

	it('splits at tabs when told, as Excel saves "Unicode 文本", commas being text', () => {
		expect(parseCsv('a,1\t"b\tc"\r\n\td', '\t')).toEqual([
			['a,1', 'b\tc'],
			['', 'd']
		]);
	});

	it('keeps a quote inside an unquoted field as text, as Excel does', () => {
		expect(parseCsv('5"3,b')).toEqual([['5"3', 'b']]);
	});

	it('keeps blank records so that row numbers match the spreadsheet', () => {
		expect(parseCsv('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
	});

	it('reports an unclosed quote with its record number', () => {
		expect(() => parseCsv('a\n"b,c\nd')).toThrow(
			expect.objectContaining({ reason: 'unclosed_quote', params: { line: 2 } })
		);
	});
});

describe('decodeCsv', () => {
	it('reads UTF-8 with a byte-order mark and drops the mark', () => {
		expect(decodeCsv(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('单位,姓名')]))).toBe('单位,姓名');
	});

	it('reads UTF-8 without a byte-order mark', () => {
		expect(decodeCsv(utf8('工号\n000123'))).toBe('工号\n000123');
	});

	it('reads GBK, as Excel in China saves CSV', () => {
		expect(decodeCsv(GBK)).toBe('单位,姓名\r\n区司法局,张三\r\n');
	});

	it('reads UTF-16 with a byte-order mark, as Notepad saves "Unicode", in either byte order', () => {
		expect(decodeCsv(utf16('单位,姓名\r\n张三', true))).toBe('单位,姓名\r\n张三');
		expect(decodeCsv(utf16('单位,姓名\r\n张三', false))).toBe('单位,姓名\r\n张三');
	});
});

describe('readSpreadsheet (csv)', () => {
	it('maps cells to headers, keeps leading zeros and numbers rows as the sheet does', async () => {
		const sheet = await readSpreadsheet({
			name: 'roster.csv',
			bytes: utf8('\uFEFF工号,姓名,\n000123,张三,ignored\n,,\n000124,"李,四"\n')
		});
		expect(sheet.headers).toEqual(['工号', '姓名']);
		expect(sheet.rows).toEqual([
			{ line: 2, cells: { 工号: '000123', 姓名: '张三' } },
			{ line: 4, cells: { 工号: '000124', 姓名: '李,四' } }
		]);
	});

	it('decodes a GBK file', async () => {
		const sheet = await readSpreadsheet({ name: 'ROSTER.CSV', bytes: GBK });
		expect(sheet.rows[0]!.cells).toEqual({ 单位: '区司法局', 姓名: '张三' });
	});

	it('refuses files over the size or row limits', async () => {
		const bytes = utf8('a\n1\n2\n3\n');
		await expect(
			readSpreadsheet({ name: 'x.csv', bytes }, { maxBytes: 4, maxRows: 10 })
		).rejects.toMatchObject({ reason: 'too_large' });
		await expect(
			readSpreadsheet({ name: 'x.csv', bytes }, { maxBytes: 100, maxRows: 2 })
		).rejects.toMatchObject({ reason: 'too_many_rows', params: { max: 2 } });
	});

	it('skips a title and notes above the header when told how to know the header', async () => {
		const bytes = utf8('试题导入模板,,\n说明：带*的列必填,,\n\n题型,题干,答案\n单选,甲？,A\n');
		const isHeader = (values: readonly string[]) => values.includes('题干');
		const sheet = await readSpreadsheet({ name: 'x.csv', bytes }, DEFAULT_LIMITS, { isHeader });
		expect(sheet.headers).toEqual(['题型', '题干', '答案']);
		expect(sheet.rows).toEqual([{ line: 5, cells: { 题型: '单选', 题干: '甲？', 答案: 'A' } }]);
		// no row is the header: the first non-empty row is, as without a layout
		const none = await readSpreadsheet({ name: 'x.csv', bytes }, DEFAULT_LIMITS, {
			isHeader: () => false
		});
		expect(none.headers).toEqual(['试题导入模板']);
	});

	it('reads a .csv separated by semicolons or tabs, as Excel in other languages and platforms save it', async () => {
		const isHeader = (values: readonly string[]) =>
			values.includes('题干') && values.includes('答案');
		const read = (text: string, layout = { isHeader }) =>
			readSpreadsheet({ name: 'x.csv', bytes: utf8(text) }, DEFAULT_LIMITS, layout);
		const semicolons = await read(
			'\uFEFF试题导入模板;;\r\n"题型";"题干";"答案"\r\n单选;"甲，乙;丙？";A\r\n'
		);
		expect(semicolons.headers).toEqual(['题型', '题干', '答案']);
		expect(semicolons.rows).toEqual([
			{ line: 3, cells: { 题型: '单选', 题干: '甲，乙;丙？', 答案: 'A' } }
		]);
		const tabs = await read('题型\t题干\t答案\n单选\t甲,乙？\tA\n');
		expect(tabs.rows).toEqual([{ line: 2, cells: { 题型: '单选', 题干: '甲,乙？', 答案: 'A' } }]);
		// commas first: a comma file whose texts hold semicolons and tabs stays a comma file
		const commas = await read('题型,题干,答案\n单选,"甲;乙\t丙",A\n');
		expect(commas.rows[0]!.cells).toEqual({ 题型: '单选', 题干: '甲;乙\t丙', 答案: 'A' });
		// without a way to know the header, its first line tells
		const plain = await readSpreadsheet({ name: 'x.csv', bytes: utf8('工号;姓名\n001;张三\n') });
		expect(plain.rows).toEqual([{ line: 2, cells: { 工号: '001', 姓名: '张三' } }]);
		// the separator it has most of outside quotes: a header's commas in quotes or in its text
		// (Excel quotes only cells that hold its own separator) do not make it a comma file
		for (const header of ['工号;姓名;"备注,说明"', '工号;姓名;备注,说明']) {
			const quoted = await readSpreadsheet({
				name: 'x.csv',
				bytes: utf8(`${header}\n001;张三;"甲;乙"\n`)
			});
			expect(quoted.headers).toEqual(['工号', '姓名', '备注,说明']);
			expect(quoted.rows[0]!.cells['备注,说明']).toBe('甲;乙');
		}
	});

	it('reads a header of two rows: names below a merged cell fill the columns it spans', async () => {
		const bytes = utf8('题型,题干,选项,,,答案\n,,A,B,C,\n单选,甲？,一,二,三,C\n');
		const known = new Set(['题型', '题干', '选项', '答案', 'A', 'B', 'C']);
		const isHeader = (values: readonly string[]) => values.filter((v) => known.has(v)).length >= 2;
		const sheet = await readSpreadsheet({ name: 'x.csv', bytes }, DEFAULT_LIMITS, { isHeader });
		expect(sheet.headers).toEqual(['题型', '题干', 'A', 'B', 'C', '答案']);
		expect(sheet.rows).toEqual([
			{ line: 3, cells: { 题型: '单选', 题干: '甲？', A: '一', B: '二', C: '三', 答案: 'C' } }
		]);
		// a first data row is no second header row, even one that names columns
		const data = utf8('题型,题干,,\n单选,题干,A,B\n');
		const one = await readSpreadsheet({ name: 'x.csv', bytes: data }, DEFAULT_LIMITS, {
			isHeader: (values) => values.includes('题干')
		});
		expect(one.rows).toHaveLength(1);
	});

	it('stops reading at the row limit, and drops empty records as it reads', async () => {
		// what follows the limit is never read: not even its unclosed quote
		await expect(
			readSpreadsheet(
				{ name: 'x.csv', bytes: utf8('a\n1\n\n2\n3\n"never closed') },
				{ maxBytes: 100, maxRows: 2 }
			)
		).rejects.toMatchObject({ reason: 'too_many_rows', params: { max: 2 } });
		const sheet = await readSpreadsheet({
			name: 'x.csv',
			bytes: utf8(`a\n${'\n'.repeat(4_000_000)}1\n`)
		});
		expect(sheet.rows).toEqual([{ line: 4_000_002, cells: { a: '1' } }]);
	});

	it('refuses a cell beyond the column limit, as for .xlsx, and drops empty ones', async () => {
		const header = Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(',');
		await expect(
			readSpreadsheet({ name: 'x.csv', bytes: utf8(`${header}\n${'x\n'.repeat(5000)}`) })
		).rejects.toMatchObject({ reason: 'too_many_columns', params: { max: 200 } });
		const sheet = await readSpreadsheet({
			name: 'x.csv',
			bytes: utf8(`a,b${','.repeat(100_000)}\n1,2${','.repeat(100_000)}\n`)
		});
		expect(sheet.rows).toEqual([{ line: 2, cells: { a: '1', b: '2' } }]);
	});

	it('refuses other files, duplicate headers and empty files', async () => {
		const old = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]);
		await expect(readSpreadsheet({ name: 'x.xls', bytes: old })).rejects.toBeInstanceOf(
			SpreadsheetError
		);
		await expect(readSpreadsheet({ name: 'x.txt', bytes: utf8('a') })).rejects.toMatchObject({
			reason: 'unsupported'
		});
		await expect(readSpreadsheet({ name: 'x.csv', bytes: utf8('a,a\n1,2') })).rejects.toMatchObject(
			{ reason: 'duplicate_header', params: { header: 'a' } }
		);
		await expect(readSpreadsheet({ name: 'x.csv', bytes: utf8('\n ,\n') })).rejects.toMatchObject({
			reason: 'no_header'
		});
	});
});

describe('an .xls that is text, as many systems export "Excel"', () => {
	it('reads tab-separated GBK text named .xls as the table it is', async () => {
		const text =
			'题型\t题干\t选项A\t选项B\t答案\r\n单选题\t听证应当在几日前通知？\t三日\t七日\tB\r\n';
		const sheet = await readSpreadsheet({ name: '试题导出.xls', bytes: gbk(text) });
		expect(sheet.headers).toEqual(['题型', '题干', '选项A', '选项B', '答案']);
		expect(sheet.rows).toEqual([
			{
				line: 2,
				cells: {
					题型: '单选题',
					题干: '听证应当在几日前通知？',
					选项A: '三日',
					选项B: '七日',
					答案: 'B'
				}
			}
		]);
	});

	it('reads one that is a web page as the table it shows (see legacy.test.ts)', async () => {
		const html =
			'<html><head><meta charset="utf-8"></head><body><table><tr><td>题型</td></tr></table>';
		const sheet = await readSpreadsheet({
			name: '试题导出.xls',
			bytes: new TextEncoder().encode(html)
		});
		expect(sheet).toMatchObject({ headers: ['题型'], rows: [] });
	});
});

describe('a CSV whose ids an exporting system wrote as formulas', () => {
	it('reads ="000123" as Excel shows it, 000123, quoted or not', async () => {
		const text = [
			'工号,姓名,备注',
			'="000123",王芳,="他说""好"""',
			'"=""110101199003071234""",李强,=1+1',
			'="",赵敏,a="b"'
		].join('\r\n');
		const sheet = await readSpreadsheet({
			name: '花名册.csv',
			bytes: new TextEncoder().encode(text)
		});
		expect(sheet.rows.map((r) => Object.values(r.cells))).toEqual([
			['000123', '王芳', '他说"好"'],
			['110101199003071234', '李强', '=1+1'],
			['', '赵敏', 'a="b"']
		]);
	});
});
