/**
 * Old Excel files as other systems export them, made here with SheetJS's own writer: a binary .xls
 * (BIFF8, BIFF5), an Excel 2003 XML spreadsheet and an HTML table named .xls, each read as the
 * same workbook saved as .xlsx is read.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { EXCEL_ROUNDED_MARK } from '@xuefa/core';
import { gbk } from '../testing/encodings.ts';
import { biff5Gbk } from '../testing/xls.ts';
import { readSpreadsheet, readSpreadsheetSheets } from './read.ts';
import { type SheetLimits, SpreadsheetError } from './types.ts';

type Cell = string | number | boolean | null | XLSX.CellObject;

interface SheetSpec {
	name: string;
	rows: Cell[][];
	/** Number formats by cell address (`D2`). */
	formats?: Record<string, string>;
	merges?: string[];
	hidden?: boolean;
}

function workbook(sheets: SheetSpec[]): XLSX.WorkBook {
	const wb = XLSX.utils.book_new();
	for (const spec of sheets) {
		const ws = XLSX.utils.aoa_to_sheet(spec.rows);
		for (const [ref, z] of Object.entries(spec.formats ?? {})) ws[ref]!.z = z;
		if (spec.merges) ws['!merges'] = spec.merges.map((ref) => XLSX.utils.decode_range(ref));
		XLSX.utils.book_append_sheet(wb, ws, spec.name);
	}
	wb.Workbook = { Sheets: sheets.map((s) => ({ Hidden: s.hidden ? 1 : 0 })) };
	return wb;
}

type BookType = 'xlsx' | 'biff8' | 'biff5' | 'xlml' | 'html';

const file = (wb: XLSX.WorkBook, bookType: BookType) => ({
	name: bookType === 'xlsx' ? '导出.xlsx' : '导出.xls',
	bytes: new Uint8Array(XLSX.write(wb, { bookType, type: 'buffer' }))
});

const reason = (e: unknown) => (e instanceof SpreadsheetError ? e.reason : e);

/** A text file named .xls, as a system's "导出Excel" writes it. */
const html = (text: string) => ({ name: '导出.xls', bytes: new TextEncoder().encode(text) });

// a bank as an exam system exports it: ids kept as text, numbers and dates with formats, a 题型
// merged over its rows, a formula's cached value, an 18-digit 编号 Excel rounded
const BANK: SheetSpec = {
	name: '试题',
	rows: [
		['题型', '编号', '题干', '分值', '难度系数', '发布日期', '答案', '备注', '身份证号'],
		['单选', '000123', '听证应当在举行几日前通知当事人？', 3.5, 0.3, 44392, 'C', true, null],
		[null, '110101199003071234', '行政处罚的种类有哪些？', 1000, 0.65, 44392, 'ABD', null, null],
		[
			'判断',
			Number('123456789012345678'), // as Excel keeps it: 123456789012345680
			'规章可以设定罚款。',
			{ t: 'n', v: 3, f: '1+2' },
			1,
			44393,
			'对',
			'',
			// typed into a column formatted 数值 without decimals: shown in full, its last digits lost
			Number('110101199003071234')
		]
	],
	formats: {
		D3: '#,##0',
		E2: '0%',
		F2: 'yyyy"年"m"月"d"日"',
		F3: 'm/d/yy',
		F4: 'yyyy-mm-dd',
		I4: '0'
	},
	merges: ['A2:A3']
};

describe('an old binary .xls and an Excel 2003 XML spreadsheet', () => {
	for (const asShown of [false, true])
		for (const bookType of ['biff8', 'xlml'] as const)
			it(`reads a ${bookType} file as the same workbook saved as .xlsx${asShown ? ', as shown' : ''}`, async () => {
				const wb = workbook([BANK]);
				const expected = await readSpreadsheet(file(wb, 'xlsx'), undefined, { asShown });
				expect(await readSpreadsheet(file(wb, bookType), undefined, { asShown })).toEqual(expected);
				// and what that is: the merged 题型 in both its rows, zeros and 18 digits of text kept
				expect(expected.rows.map((r) => [r.cells.题型, r.cells.编号])).toEqual([
					['单选', '000123'],
					['单选', '110101199003071234'],
					['判断', asShown ? '1.23457E+17' : '123456789012346000']
				]);
				if (asShown)
					expect(expected.rows[2]!.cells.身份证号).toBe(`110101199003071000${EXCEL_ROUNDED_MARK}`);
				expect(expected.rows.map((r) => [r.cells.分值, r.cells.发布日期, r.cells.备注])).toEqual(
					asShown
						? [
								['3.5', '2021年7月15日', 'true'],
								['1,000', '2021/7/15', ''],
								['3', '2021-07-16', '']
							]
						: [
								['3.5', '2021-07-15', 'true'],
								['1000', '2021-07-15', ''],
								['3', '2021-07-16', '']
							]
				);
			});

	it('skips hidden sheets and passes over sheets of instructions, as in an .xlsx', async () => {
		const header = ['题型', '题干', '答案'];
		const wb = workbook([
			{ name: '填写说明', rows: [['请按模板填写，每行一题。']] },
			{ name: '旧题', rows: [header, ['单选', '已删除的题', 'A']], hidden: true },
			{ name: '单选题', rows: [header, ['单选', '听证由谁主持？', 'B']] },
			{ name: '判断题', rows: [['2026年题库'], header, ['判断', '规章可以设定罚款。', '对']] }
		]);
		const isHeader = (values: readonly string[]) => values.includes('题干');
		const limits = { maxBytes: 1024 * 1024, maxRows: 100 };
		for (const bookType of ['xlsx', 'biff8', 'xlml'] as const) {
			const read = await readSpreadsheetSheets(file(wb, bookType), limits, { isHeader });
			expect(read.passedOver).toEqual(['填写说明']);
			expect(read.sheets.map((s) => [s.name, s.rows.map((r) => [r.line, r.cells.题干])])).toEqual([
				['单选题', [[2, '听证由谁主持？']]],
				['判断题', [[3, '规章可以设定罚款。']]]
			]);
		}
	});

	it('reads a BIFF5 .xls of an older tool, its text in GBK', async () => {
		const bytes = biff5Gbk('试题', [
			['题型', '题干', '答案'],
			['单选', '听证由谁主持？', 'B']
		]);
		const read = await readSpreadsheetSheets(
			{ name: '试题.xls', bytes },
			{ maxBytes: 1024 * 1024, maxRows: 10 },
			{ isHeader: (v) => v.includes('题干') }
		);
		expect(read.sheets).toEqual([
			{
				name: '试题',
				headers: ['题型', '题干', '答案'],
				rows: [{ line: 2, cells: { 题型: '单选', 题干: '听证由谁主持？', 答案: 'B' } }]
			}
		]);
	});

	it('refuses more rows or columns than the limits, as for an .xlsx', async () => {
		const limits: SheetLimits = { maxBytes: 5 * 1024 * 1024, maxRows: 300 };
		const rows = (n: number) => [
			['工号', '姓名'],
			...Array.from({ length: n }, (_, i) => [`P${i}`, `干部${i}`])
		];
		const within = workbook([{ name: '花名册', rows: rows(300) }]);
		const over = workbook([{ name: '花名册', rows: rows(301) }]);
		const wide = workbook([{ name: '花名册', rows: [['工号', ...Array(200).fill(null), '备注']] }]);
		for (const bookType of ['biff8', 'xlml', 'html'] as const) {
			expect((await readSpreadsheet(file(within, bookType), limits)).rows).toHaveLength(300);
			await expect(readSpreadsheet(file(over, bookType), limits)).rejects.toMatchObject({
				reason: 'too_many_rows',
				params: { max: 300 }
			});
			await expect(readSpreadsheet(file(wide, bookType), limits)).rejects.toMatchObject({
				reason: 'too_many_columns'
			});
		}
	});

	it('reads a header of __proto__ and constructor as ordinary text', async () => {
		const wb = workbook([
			{
				name: '__proto__',
				rows: [
					['__proto__', 'constructor', 'toString'],
					['{"polluted":1}', 'x', 'y']
				]
			}
		]);
		for (const bookType of ['biff8', 'xlml', 'html'] as const) {
			const sheet = await readSpreadsheet(file(wb, bookType));
			expect(sheet.headers).toEqual(['__proto__', 'constructor', 'toString']);
			const cells = sheet.rows[0]!.cells;
			expect(Object.getPrototypeOf(cells)).toBe(Object.prototype);
			expect(Object.entries(cells)).toEqual([
				['__proto__', '{"polluted":1}'],
				['constructor', 'x'],
				['toString', 'y']
			]);
			expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		}
	});

	it('says a damaged .xls cannot be read, not how it broke', async () => {
		let seed = 7;
		const random = Uint8Array.from(
			{ length: 8192 },
			() => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24
		);
		random.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
		const good = file(workbook([BANK]), 'biff8').bytes;
		// a download cut short
		const cut = good.slice(0, 2048);
		for (const bytes of [random, cut, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])])
			expect(await readSpreadsheet({ name: '题库.xls', bytes }).catch(reason)).toBe('unreadable');
	});
});

describe('a crafted binary .xls', () => {
	const roster = file(
		workbook([
			{
				name: '花名册',
				rows: [['工号', '姓名'], ...Array.from({ length: 300 }, (_, i) => [`P${i}`, `干部${i}`])]
			}
		]),
		'biff8'
	).bytes;
	/** The file's FAT entries and its Workbook stream's directory entry, as the header places them. */
	const layout = (bytes: Uint8Array) => {
		const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		const sector = (n: number) => 512 * (n + 1);
		const fat = (j: number) => sector(view.getInt32(0x4c, true)) + 4 * j;
		let entry = sector(view.getInt32(0x30, true));
		while (String.fromCharCode(view.getUint16(entry, true)) !== 'W') entry += 128;
		const start = view.getInt32(entry + 116, true);
		return { view, fat, entry, start, second: view.getInt32(fat(start), true) };
	};

	it('reads as before when its chains of sectors are whole', async () => {
		expect(layout(roster).view.getInt32(layout(roster).entry + 120, true)).toBeGreaterThan(4096);
		expect((await readSpreadsheet({ name: '花名册.xls', bytes: roster })).rows).toHaveLength(300);
	});

	it('is refused when a chain of sectors comes back on itself or runs into another', async () => {
		// its stream starting at its second sector, whose next is the first: SheetJS went round
		// for ever, and V8 ended the whole process when the array it grew was too long
		const cycle = roster.slice();
		const c = layout(cycle);
		c.view.setInt32(c.fat(c.second), c.start, true);
		c.view.setInt32(c.entry + 116, c.second, true);
		// its first sector going on at its third: the third is the next of two
		const merged = roster.slice();
		const m = layout(merged);
		m.view.setInt32(m.fat(m.start), m.view.getInt32(m.fat(m.second), true), true);
		for (const bytes of [cycle, merged])
			expect(await readSpreadsheet({ name: '花名册.xls', bytes }).catch(reason)).toBe('unreadable');
	});

	it('is refused when its directory names siblings and children in a loop', async () => {
		// the root's left sibling entry 2, entry 2's the root, entry 1's child the root: SheetJS
		// queued them again and again, until V8 ended the whole process
		const loop = roster.slice();
		const { view } = layout(loop);
		const entry = (n: number) => 512 * (view.getInt32(0x30, true) + 1) + 128 * n;
		const [left, right, child] = [68, 72, 76];
		for (const [n, field, value] of [
			[0, left, 2],
			[0, right, -1],
			[0, child, -1],
			[1, right, -1],
			[1, child, 0],
			[2, left, 0]
		] as const)
			view.setInt32(entry(n) + field, value, true);
		expect(await readSpreadsheet({ name: '花名册.xls', bytes: loop }).catch(reason)).toBe(
			'unreadable'
		);
	});
});

describe('an "导出Excel" that is an HTML table named .xls', () => {
	it('reads the table as its cells show their text, in GBK as such systems write it', async () => {
		const html = [
			'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
			'<style>td { mso-number-format:"\\@"; }</style></head><body>',
			'<table border="1"><tr><th>单位</th><th>姓名</th><th>工号</th><th>身份证号</th></tr>',
			'<tr><td rowspan="2">区司法局</td><td>王&nbsp;芳</td><td>000123</td><td>110101199003071234</td></tr>',
			'<tr><td><b>李强</b></td><td>002</td><td>11010119900307123X</td></tr>',
			'<tr><td>东城街道</td><td>赵敏</td><td>1.5</td><td>2021-07-15</td></tr>',
			'</table></body></html>'
		].join('\r\n');
		const sheet = await readSpreadsheet({ name: '花名册导出.xls', bytes: gbk(html) });
		expect(sheet.headers).toEqual(['单位', '姓名', '工号', '身份证号']);
		expect(sheet.rows.map((r) => [r.line, ...Object.values(r.cells)])).toEqual([
			[2, '区司法局', '王 芳', '000123', '110101199003071234'],
			[3, '区司法局', '李强', '002', '11010119900307123X'],
			[4, '东城街道', '赵敏', '1.5', '2021-07-15']
		]);
	});

	it('reads the characters HTML entities stand for, as a browser shows them', async () => {
		// as Java's escapeHtml4 and ASP.NET's HtmlEncode write them
		const table = [
			'<html><body><table><tr><th>题干</th><th>答案</th></tr>',
			'<tr><td>&ldquo;&#34892;&#x653F;&rdquo;处罚 3&times;5</td><td>It&#39;s &lt;b&gt; &amp;lt;</td></tr>',
			'<tr><td title="&#34;" rowspan&#61;"1">&#60;b&#62;x&#60;/b&#62; &#38;amp;&nbsp;y&unknown;</td><td>&quot;A&quot;</td></tr>',
			'</table></body></html>'
		].join('');
		const sheet = await readSpreadsheet(html(table));
		expect(sheet.rows.map((r) => r.cells)).toEqual([
			{ 题干: '“行政”处罚 3×5', 答案: "It's <b> &lt;" },
			{ 题干: '<b>x</b> &amp; y&unknown;', 答案: '"A"' }
		]);
	});

	it('refuses a page without a table, and one named .csv, as before', async () => {
		const page = new TextEncoder().encode('<html><body><p>没有数据</p></body></html>');
		expect(await readSpreadsheet({ name: '导出.xls', bytes: page }).catch(reason)).toBe(
			'unreadable'
		);
		const table = new TextEncoder().encode('<table><tr><td>题型</td></tr></table>');
		expect(await readSpreadsheet({ name: '导出.csv', bytes: table }).catch(reason)).toBe(
			'unsupported'
		);
	});
});

describe('a crafted file', () => {
	it('is refused in time when an HTML table is all merged cells', async () => {
		const html = `<table>${'<tr><td rowspan="2">x</td></tr>'.repeat(100_000)}</table>`;
		const started = performance.now();
		expect(
			await readSpreadsheet({ name: '导出.xls', bytes: new TextEncoder().encode(html) }).catch(
				reason
			)
		).toBe('unreadable');
		expect(performance.now() - started).toBeLessThan(2000);
	});

	it('refuses more than 100 merged cells in an HTML table, however the span is written', async () => {
		const table = (cell: string, n: number) =>
			html(`<table><tr><td>工号</td></tr>${`<tr>${cell}</tr>`.repeat(n)}</table>`);
		// within the limit, read as before
		expect((await readSpreadsheet(table('<td rowspan="2">x</td>', 100))).rows).toHaveLength(100);
		// as SheetJS reads them, each a span: values it reads as numbers, names it reads as
		// rowspan, tags it reads as cells, a quoted `<`, a comment it takes out
		for (const cell of [
			'<td rowspan="2">x</td>',
			'<td rowspan="1e5">x</td>',
			'<td rowspan="+9">x</td>',
			'<td rowspan_x="9">x</td>',
			'<td x:ROWSPAN = 9>x</td>',
			'<tdx rowspan=9>x</td>',
			'<td title="<" rowspan=9>x</td>',
			'<td row<!-- -->span="9">x</td>',
			'<td rowspan&#61;9>x</td>',
			'<td rowspan_<x=9>x</td>',
			'<td colspan="1">x</td>'
		])
			expect(await readSpreadsheet(table(cell, 101)).catch(reason), cell).toBe('unreadable');
	});

	it('refuses an HTML table whose cell spans no column or goes back, which held SheetJS for ever', async () => {
		const table = (cells: string) =>
			html(`<table><tr><td>工号</td></tr><tr>${cells}</tr><tr><td>1</td><td>2</td></tr></table>`);
		// spans written as whole numbers, quoted or not, read as before
		for (const span of ['rowspan=2', 'rowspan="2" colspan=" 1 "', "colspan='3'"])
			expect((await readSpreadsheet(table(`<td ${span}>001</td>`))).rows, span).toHaveLength(2);
		// a span of no column stays on the cell it starts at; one going back and one going on
		// send the cell below from one to the other; a span SheetJS reads as no number
		for (const cells of [
			'<td rowspan="2" colspan="0">x</td>',
			'<td rowspan=2 colspan=1>x</td><td rowspan=2 colspan=-1>y</td>',
			'<td rowspan="2" colspan="1e0">x</td>',
			'<td rowspan="two">x</td>',
			'<td rowspan=>x</td>'
		])
			expect(await readSpreadsheet(table(cells)).catch(reason), cells).toBe('unreadable');
	});

	it('reads an HTML table whose text is one long word, in time', async () => {
		// each of these once made a check go through the rest of the file from every `span`
		for (const word of ['rowspan', 'span', 'x'])
			expect(
				(
					await readSpreadsheet(
						html(`<table><tr><td>题干</td></tr><tr><td>${word.repeat(300_000)}</td></tr></table>`)
					)
				).rows[0]!.cells.题干,
				word
			).toHaveLength(word.length * 300_000);
	});

	it('reads an HTML table or XML spreadsheet whose first tag has a , or ; as one, not as CSV', async () => {
		// a `;` or `,` before the first `>`, outside double quotes, made SheetJS read the file as CSV
		for (const opening of [
			"<table style='border:1px; width:100%'>",
			"<meta http-equiv='Content-Type' content='text/html; charset=utf-8'><table>"
		]) {
			const sheet = await readSpreadsheet(
				html(`${opening}<tr><td>工号</td></tr><tr><td>001</td></tr></table>`)
			);
			expect(
				sheet.rows.map((r) => r.cells),
				opening
			).toEqual([{ 工号: '001' }]);
		}
		const xml = await readSpreadsheet(
			xmlSheet((t) =>
				t.replace(
					'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
					"<?xml version='1.0', ?>"
				)
			)
		);
		expect(xml.rows.map((r) => r.cells)).toEqual([{ 工号: '001' }]);
		// nor as CSV, SYLK … what is neither: a million columns of CSV; a SYLK file behind a
		// `<table:Column>` that the XML checks take out
		for (const text of [
			`<html;>\n${'a,'.repeat(2_000_000)}`,
			'<table:Column/>ID;P\nC;Y1;X1;K"工号"\nC;Y2;X1;K"001"\nE\n'
		])
			expect(await readSpreadsheet(html(text)).catch(reason), text.slice(0, 20)).toBe('unreadable');
	});

	it('refuses an HTML table of far more rows than the limit before reading it', async () => {
		const limits = { maxBytes: 5 * 1024 * 1024, maxRows: 300 };
		const rows = (n: number, row: string) =>
			html(`<table><tr><td>工号</td></tr>${row.repeat(n)}</table>`);
		// blank rows and rows SheetJS counts as rows (`<trx>`), which would otherwise be cut
		// without a word where SheetJS stops
		for (const row of ['<tr></tr>', '<trx><td></td></trx>'])
			await expect(readSpreadsheet(rows(2000, row), limits)).rejects.toMatchObject({
				reason: 'too_many_rows',
				params: { max: 300 }
			});
		// a few blank rows among them are no reason to refuse
		const within = `${'<tr><td>1</td></tr>'.repeat(300)}${'<tr></tr>'.repeat(500)}`;
		expect((await readSpreadsheet(rows(1, within), limits)).rows).toHaveLength(300);
	});

	it('refuses an HTML file of more than 50 tables', async () => {
		const tables = (n: number) =>
			html('<table><tr><td>工号</td></tr><tr><td>1</td></tr></table>'.repeat(n));
		expect((await readSpreadsheet(tables(50))).rows).toEqual([{ line: 2, cells: { 工号: '1' } }]);
		expect(await readSpreadsheet(tables(51)).catch(reason)).toBe('unreadable');
	});

	const xmlSheet = (edit: (text: string) => string) =>
		html(
			edit(
				new TextDecoder().decode(
					file(workbook([{ name: 'S', rows: [['工号'], ['001']] }]), 'xlml').bytes
				)
			)
		);

	it('reads an XML spreadsheet whose column spans are written to slip past, in time', async () => {
		// as SheetJS reads these, a column copied two million times: seconds and hundreds of MB
		for (const column of [
			'<Column ss:Width="<" ss:Span="2000000"/>',
			'<x$:Column ss:Span="2000000"/>'
		]) {
			const sheet = await readSpreadsheet(
				xmlSheet((t) => t.replace(/<Table\b[^>]*>/, (m) => m + column))
			);
			expect(
				sheet.rows.map((r) => r.cells),
				column
			).toEqual([{ 工号: '001' }]);
		}
		// a span anywhere else that is not a small whole number
		for (const span of ['ss:Span="1e9"', "ss:Span='0x100000'", 'ss:Span="257"'])
			expect(
				await readSpreadsheet(xmlSheet((t) => t.replace('<Row ss:Index="2"', `$& ${span}`))).catch(
					reason
				),
				span
			).toBe('unreadable');
	}, 4000);

	it('refuses an XML spreadsheet whose cells or rows are placed or merged outside a sheet', async () => {
		const at = (edit: string) =>
			xmlSheet((t) =>
				t.replace('<Cell ss:StyleID="s21" ss:Index="1"><Data ss:Type="String">001', edit)
			);
		// within a sheet, read as before: a cell merged down and across
		expect(
			(
				await readSpreadsheet(
					at('<Cell ss:MergeDown="3" ss:MergeAcross="1"><Data ss:Type="String">001')
				)
			).rows
		).toEqual([{ line: 2, cells: { 工号: '001' } }]);
		// a cell before column A was left out without a word, a row above row 1 came first as row
		// -3, a merge SheetJS wraps to a negative number; and what is no whole number
		for (const edit of [
			'<Cell ss:Index="-5"><Data ss:Type="String">001',
			'<Cell ss:Index="0"><Data ss:Type="String">001',
			'<Cell x:Index="1e9"><Data ss:Type="String">001',
			'<Cell ss:Index=" 2"><Data ss:Type="String">001',
			'<Cell ss:MergeAcross="99999999999"><Data ss:Type="String">001',
			'<Cell a:b:MergeDown="-1"><Data ss:Type="String">001',
			'<Cell ss:MergeDown="1048576"><Data ss:Type="String">001'
		])
			expect(await readSpreadsheet(at(edit)).catch(reason), edit).toBe('unreadable');
		const row = (index: string) =>
			xmlSheet((t) => t.replace('<Row ss:Index="2"', `<Row ss:Index="${index}"`));
		expect(await readSpreadsheet(row('-3')).catch(reason)).toBe('unreadable');
		expect(await readSpreadsheet(row('1048577')).catch(reason)).toBe('unreadable');
		// a row far down is more rows than the limit, as before
		expect(await readSpreadsheet(row('1048576')).catch(reason)).toBe('too_many_rows');
	});

	it('reads an XML spreadsheet whose text is one long word, in time', async () => {
		// the check for style parents once went through the rest of the word from each letter
		const sheet = await readSpreadsheet(
			xmlSheet((t) => t.replace('>001<', `>${'x'.repeat(300_000)}<`))
		);
		expect(sheet.rows[0]!.cells.工号).toHaveLength(300_000);
	});

	it('reads an XML spreadsheet whose styles are each the parent of the other', async () => {
		const sheet = await readSpreadsheet(
			xmlSheet((t) =>
				t
					.replace('<Style ss:ID="s21">', '<Style ss:ID="s21" ss:Parent="p">')
					.replace('</Styles>', `<Style ss:ID="p" x:Parent="s21"><NumberFormat/></Style></Styles>`)
			)
		);
		expect(sheet.rows.map((r) => r.cells)).toEqual([{ 工号: '001' }]);
	});

	it('reads an XML spreadsheet whose column spans a hundred million columns, in time', async () => {
		const xml = file(workbook([{ name: 'S', rows: [['工号'], ['001']] }]), 'xlml');
		const text = new TextDecoder()
			.decode(xml.bytes)
			.replace(/<Table\b[^>]*>/, (m) => `${m}<Column ss:Span="100000000"/>`.repeat(1));
		const started = performance.now();
		const sheet = await readSpreadsheet({
			name: '导出.xls',
			bytes: new TextEncoder().encode(text)
		});
		expect(sheet.rows.map((r) => r.cells)).toEqual([{ 工号: '001' }]);
		expect(performance.now() - started).toBeLessThan(2000);
	});
});
