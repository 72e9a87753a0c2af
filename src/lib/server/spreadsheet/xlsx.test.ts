import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from './read.ts';
import { EXCEL_ROUNDED_MARK } from '@xuefa/core';
import { DEFAULT_LIMITS } from './types.ts';
import { OBJECT_IN_CELL, shownDate, shownLongNumber } from './xlsx.ts';
import { writeWorkbook } from './write.ts';

async function load(bytes: Uint8Array) {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
	return workbook;
}

describe('xlsx', () => {
	it('round-trips text, leading zeros and Chinese through write and read', async () => {
		const bytes = await writeWorkbook([
			{
				name: '花名册',
				columns: [
					{ header: '工号', text: true },
					{ header: '姓名' },
					{ header: '状态', list: ['在职', '停用'] }
				],
				rows: [
					['000123', '张三', '在职'],
					['A-7', '李四_x0041_', '停用']
				]
			},
			{ name: '填写说明', columns: [{ header: '列' }], rows: [['工号']] }
		]);
		const sheet = await readSpreadsheet({ name: 'whatever.xlsx', bytes });
		expect(sheet.headers).toEqual(['工号', '姓名', '状态']);
		expect(sheet.rows).toEqual([
			{ line: 2, cells: { 工号: '000123', 姓名: '张三', 状态: '在职' } },
			{ line: 3, cells: { 工号: 'A-7', 姓名: '李四_x0041_', 状态: '停用' } }
		]);
	});

	it('writes user text that XML cannot carry, or longer than a cell holds, as a file Excel opens', async () => {
		const long = '法'.repeat(40_000);
		const bytes = await writeWorkbook([
			{
				name: 'S',
				columns: [{ header: '姓名' }, { header: '题干' }],
				rows: [
					['张\uFFFE三\u0007', long],
					['\uD800李四', 'a\tb\nc']
				]
			}
		]);
		// every XML part of the file parses strictly (what Excel and WPS insist on)
		const zip = await JSZip.loadAsync(bytes);
		const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
		const strings = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
		for (const xml of [sheetXml, strings])
			// eslint-disable-next-line no-control-regex -- what the file must not hold
			expect(xml).not.toMatch(/[\u0000-\u0008\uFFFE\uFFFF]|[\uD800-\uDFFF](?![\uDC00-\uDFFF])/);
		const ws = (await load(bytes)).worksheets[0]!;
		expect(ws.getCell('A2').value).toBe('张三');
		expect(ws.getCell('A3').value).toBe('李四');
		expect(ws.getCell('B3').value).toBe('a\tb\nc');
		const cut = String(ws.getCell('B2').value);
		expect(cut).toHaveLength(32_767);
		expect(cut.endsWith('…')).toBe(true);
	});

	it('freezes the header row and offers drop-downs for listed columns', async () => {
		const bytes = await writeWorkbook([
			{
				name: 'S',
				columns: [{ header: 'a' }, { header: 'b', list: ['x', 'y'] }],
				rows: [['1', 'x']],
				validationRows: 10
			}
		]);
		const ws = (await load(bytes)).worksheets[0]!;
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(ws.getCell('A1').font?.bold).toBe(true);
		expect(ws.getCell('B5').dataValidation).toMatchObject({ type: 'list', formulae: ['"x,y"'] });
		expect(ws.getCell('A5').dataValidation).toBeUndefined();
	});

	it('reads the first sheet only, skips empty rows and keeps the sheet row numbers', async () => {
		const workbook = new ExcelJS.Workbook();
		const ws = workbook.addWorksheet('one');
		ws.getCell('B3').value = '工号';
		ws.getCell('C3').value = '职级';
		ws.getCell('B4').value = 123;
		ws.getCell('B4').numFmt = '000000';
		ws.getCell('C4').value = '科员';
		ws.getCell('B7').value = { richText: [{ text: 'X' }, { text: '9' }] };
		ws.getCell('C7').value = { formula: '"正"&"科级"', result: '正科级' };
		workbook.addWorksheet('two').getCell('A1').value = 'ignored';
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		const sheet = await readSpreadsheet({ name: 'r.xlsx', bytes });
		expect(sheet.headers).toEqual(['工号', '职级']);
		expect(sheet.rows).toEqual([
			{ line: 4, cells: { 工号: '000123', 职级: '科员' } },
			{ line: 7, cells: { 工号: 'X9', 职级: '正科级' } }
		]);
	});

	it('reads past a first sheet of instructions to the first visible one with a header, when told what a header is', async () => {
		const workbook = new ExcelJS.Workbook();
		const notes = workbook.addWorksheet('填写说明');
		notes.getCell('A1').value = '1. 题型填写单选题、多选题或判断题';
		notes.getCell('A2').value = '2. 答案填写选项字母';
		// a hidden sheet of drop-down lists, as templates keep them
		const lists = workbook.addWorksheet('lists', { state: 'hidden' });
		lists.getCell('A1').value = '题型';
		lists.getCell('B1').value = '题干';
		const questions = workbook.addWorksheet('试题');
		questions.getCell('A1').value = '试题导入模板';
		questions.getCell('A2').value = '题型';
		questions.getCell('B2').value = '题干';
		questions.getCell('A3').value = '判断';
		questions.getCell('B3').value = '行政机关应当依法行政。';
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		const isHeader = (values: readonly string[]) => values.includes('题型');
		const sheet = await readSpreadsheet({ name: 'q.xlsx', bytes }, DEFAULT_LIMITS, { isHeader });
		expect(sheet.headers).toEqual(['题型', '题干']);
		expect(sheet.rows).toEqual([
			{ line: 3, cells: { 题型: '判断', 题干: '行政机关应当依法行政。' } }
		]);
		// no sheet has such a header: the first is read, as without the question
		const none = await readSpreadsheet({ name: 'q.xlsx', bytes }, DEFAULT_LIMITS, {
			isHeader: () => false
		});
		expect(none.headers).toEqual(['1. 题型填写单选题、多选题或判断题']);
		// a roster reads the first sheet, whatever it holds
		expect((await readSpreadsheet({ name: 'q.xlsx', bytes })).headers).toEqual([
			'1. 题型填写单选题、多选题或判断题'
		]);
	});

	it('reads a percentage as Excel shows it, not as the fraction it keeps', async () => {
		const workbook = new ExcelJS.Workbook();
		const ws = workbook.addWorksheet('one');
		ws.addRow(['选项A', '选项B', '选项C', '选项D']);
		ws.addRow([0.1, 0.07, 0.125, 0.3]);
		['0%', '0%', '0.0%', '0.00%'].forEach((f, i) => (ws.getRow(2).getCell(i + 1).numFmt = f));
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		const sheet = await readSpreadsheet({ name: 'p.xlsx', bytes });
		expect(sheet.rows[0]!.cells).toEqual({
			选项A: '10%',
			选项B: '7%',
			选项C: '12.5%',
			选项D: '30.00%'
		});
	});

	it('reads a number as Excel shows it, not with the noise of the double it keeps', async () => {
		const workbook = new ExcelJS.Workbook();
		const ws = workbook.addWorksheet('one');
		ws.addRow(['分值', '选项A', '选项B', '选项C']);
		// what a formula's result is kept as (=0.1+0.2, =3*1.1), and a plain 1.5 and 2021
		ws.addRow([0.1 + 0.2, 3 * 1.1, 1.5, 2021]);
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		const sheet = await readSpreadsheet({ name: 'n.xlsx', bytes });
		expect(sheet.rows[0]!.cells).toEqual({
			分值: '0.3',
			选项A: '3.3',
			选项B: '1.5',
			选项C: '2021'
		});
	});

	it('reads dates as ISO, or as a Chinese Excel shows them when asked (question texts)', async () => {
		const workbook = new ExcelJS.Workbook();
		const ws = workbook.addWorksheet('one');
		ws.addRow(['选项A', '选项B', '选项C', '选项D']);
		ws.addRow([1, 2, 3, 4].map(() => new Date(Date.UTC(2021, 6, 5))));
		const formats = ['yyyy"年"m"月"d"日"', 'mm-dd-yy', 'yyyy/mm/dd', 'yyyy-mm-dd hh:mm'];
		formats.forEach((f, i) => (ws.getRow(2).getCell(i + 1).numFmt = f));
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		const iso = await readSpreadsheet({ name: 'd.xlsx', bytes });
		expect(Object.values(iso.rows[0]!.cells)).toEqual([
			'2021-07-05',
			'2021-07-05',
			'2021-07-05',
			'2021-07-05'
		]);
		const shown = await readSpreadsheet({ name: 'd.xlsx', bytes }, DEFAULT_LIMITS, {
			asShown: true
		});
		// built-in 14 shows as yyyy/m/d in Chinese; a time keeps the ISO date
		expect(Object.values(shown.rows[0]!.cells)).toEqual([
			'2021年7月5日',
			'2021/7/5',
			'2021/07/05',
			'2021-07-05'
		]);
		expect(shownDate('2021-07-05', 'm"月"d"日"')).toBe('7月5日');
		expect(shownDate('2021-07-05', '[$-804]yyyy"年"m"月"d"日" dddd')).toBeUndefined();
	});

	it('reads an integer past Excel’s 15 digits in a General cell as Excel shows it, when asked', async () => {
		const workbook = new ExcelJS.Workbook();
		const ws = workbook.addWorksheet('one');
		ws.addRow(['编号', '答案', '选项A', '选项B', '分值']);
		// an 18-digit id typed into a General cell: Excel keeps 123456789012345000
		ws.addRow([123456789012345000, 1e15, 123456789012, 123456789012345000, 2]);
		ws.getRow(2).getCell(4).numFmt = '0';
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		const shown = await readSpreadsheet({ name: 'n.xlsx', bytes }, DEFAULT_LIMITS, {
			asShown: true
		});
		// 12 digits are kept whole; a cell formatted 0 shows its number in full, its last digits
		// the 0s Excel put there, marked as such for the importers to refuse
		expect(shown.rows[0]!.cells).toEqual({
			编号: '1.23457E+17',
			答案: '1E+15',
			选项A: '123456789012',
			选项B: `123456789012345000${EXCEL_ROUNDED_MARK}`,
			分值: '2'
		});
		const plain = await readSpreadsheet({ name: 'n.xlsx', bytes });
		expect(plain.rows[0]!.cells['编号']).toBe('123456789012345000');
		expect(shownLongNumber(-9.87654321e20)).toBe('-9.87654E+20');
	});

	it('reads a number as its cell’s number format shows it, when asked; an 18-digit id Excel rounded is marked', async () => {
		const workbook = new ExcelJS.Workbook();
		const ws = workbook.addWorksheet('one');
		ws.addRow(['身份证号', '编号', '电话', '选项A', '选项B', '答案', '分值', '难度']);
		// typed 110101199003071234 into cells formatted as 18 zeros and as 0: Excel keeps 15 digits
		ws.addRow([
			Number('110101199003071234'),
			Number('123456789012345678'),
			13800138000,
			1000,
			3.5,
			7,
			2,
			0.8
		]);
		const formats = [
			'000000000000000000',
			'0',
			'000-0000-0000',
			'#,##0',
			'0.00',
			'0"天"',
			'0.0',
			'0%'
		];
		formats.forEach((f, i) => (ws.getRow(2).getCell(i + 1).numFmt = f));
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		const shown = await readSpreadsheet({ name: 'n.xlsx', bytes }, DEFAULT_LIMITS, {
			asShown: true
		});
		expect(shown.rows[0]!.cells).toEqual({
			身份证号: `110101199003071000${EXCEL_ROUNDED_MARK}`,
			编号: `123456789012346000${EXCEL_ROUNDED_MARK}`,
			电话: '138-0013-8000',
			选项A: '1,000',
			选项B: '3.50',
			答案: '7天',
			分值: '2.0',
			难度: '80%'
		});
		// values the importer parses read as before
		const plain = await readSpreadsheet({ name: 'n.xlsx', bytes });
		expect(plain.rows[0]!.cells).toMatchObject({ 选项A: '1000', 选项B: '3.5', 分值: '2' });
	});

	it("reads a text with a line break pasted from Word as typed, not with Excel's _x000D_ escapes", async () => {
		// as Excel writes them: a carriage return in a shared string, an inline string and a
		// formula's text result is `_x000D_`, and a typed `_x` is `_x005F_x`
		const strings = [
			'题干',
			'选项A',
			'选项B',
			'选项C',
			'第一段_x000D_\n第二段',
			'写作_x005F_x000D_'
		];
		const shared = (ref: string, i: number) => `<c r="${ref}" t="s"><v>${i}</v></c>`;
		const bytes = await minimalWorkbook(
			`<row r="1">${[0, 1, 2, 3].map((i) => shared(`${'ABCD'[i]}1`, i)).join('')}</row>` +
				`<row r="2">${shared('A2', 4)}${shared('B2', 5)}` +
				'<c r="C2" t="inlineStr"><is><t>甲_x000D_\n乙</t></is></c>' +
				'<c r="D2" t="str"><f>"丙"&amp;CHAR(13)</f><v>丙_x000D_</v></c></row>',
			`<sst>${strings.map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join('')}</sst>`
		);
		const sheet = await readSpreadsheet({ name: 'w.xlsx', bytes });
		expect(sheet.rows[0]!.cells).toEqual({
			题干: '第一段\r\n第二段',
			选项A: '写作_x000D_',
			选项B: '甲\r\n乙',
			选项C: '丙\r'
		});
	});

	it('reads a picture Excel placed in a cell as an object, not as an empty cell', async () => {
		// Excel 365's "Place in Cell": the picture is a rich value outside the sheet, the cell
		// itself only #VALUE! with value metadata (vm); a plain error cell stays empty
		const bytes = await minimalWorkbook(
			'<row r="1"><c r="A1" t="inlineStr"><is><t>题干</t></is></c>' +
				'<c r="B1" t="inlineStr"><is><t>选项A</t></is></c>' +
				'<c r="C1" t="inlineStr"><is><t>选项B</t></is></c></row>' +
				'<row r="2"><c r="A2" t="inlineStr"><is><t>下图标志的含义是</t></is></c>' +
				'<c r="B2" t="e" vm="1"><v>#VALUE!</v></c>' +
				'<c r="C2" t="e"><v>#DIV/0!</v></c></row>'
		);
		const sheet = await readSpreadsheet({ name: 'p.xlsx', bytes });
		expect(sheet.rows[0]!.cells).toEqual({
			题干: '下图标志的含义是',
			选项A: OBJECT_IN_CELL,
			选项B: ''
		});
	});

	it('calls a damaged archive unreadable', async () => {
		const bytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
		await expect(readSpreadsheet({ name: 'r.xlsx', bytes })).rejects.toMatchObject({
			reason: 'unreadable'
		});
	});
});

/** A minimal workbook of one sheet: its `<sheetData>` rows, and shared strings if any. */
function minimalWorkbook(sheetData: string, sharedStrings?: string): Promise<Uint8Array> {
	const zip = new JSZip();
	zip.file(
		'xl/workbook.xml',
		'<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'
	);
	zip.file(
		'xl/_rels/workbook.xml.rels',
		'<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'
	);
	if (sharedStrings !== undefined) zip.file('xl/sharedStrings.xml', sharedStrings);
	zip.file(
		'xl/worksheets/sheet1.xml',
		`<worksheet><sheetData>${sheetData}</sheetData></worksheet>`
	);
	return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A minimal workbook whose first sheet has `rows` rows of one inline-string cell each. */
function bigWorkbook(rows: number): Promise<Uint8Array> {
	const row = (r: number) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>x</t></is></c></row>`;
	return minimalWorkbook(Array.from({ length: rows }, (_, i) => row(i + 1)).join(''));
}

/** Rewrites every entry's declared uncompressed size (local and central headers) to `size`. */
function understate(bytes: Uint8Array, size: number): Uint8Array {
	const out = bytes.slice();
	const view = new DataView(out.buffer);
	for (let i = 0; i + 30 < out.length; i++) {
		const sig = view.getUint32(i, true);
		if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
		else if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
	}
	return out;
}

describe('xlsx limits (zip bombs)', () => {
	const limits = { maxBytes: 5 * 1024 * 1024, maxRows: 100_000, maxUnzippedBytes: 1024 * 1024 };

	it('stops inflating at the limit, counting the bytes that really come out', async () => {
		const bytes = await bigWorkbook(40_000); // ~2.4 MB of XML in a small file
		expect(bytes.length).toBeLessThan(300 * 1024);
		await expect(readSpreadsheet({ name: 'b.xlsx', bytes }, limits)).rejects.toMatchObject({
			reason: 'too_large_unzipped',
			params: { mb: 1 }
		});
	});

	it('refuses an archive whose entries declare smaller sizes than they unpack to', async () => {
		const bytes = understate(await bigWorkbook(40_000), 100);
		await expect(readSpreadsheet({ name: 'b.xlsx', bytes }, limits)).rejects.toMatchObject({
			reason: 'too_large_unzipped'
		});
	});

	it('stops at the row limit while streaming, and at far-right columns', async () => {
		const bytes = await bigWorkbook(3_000);
		await expect(
			readSpreadsheet({ name: 'b.xlsx', bytes }, { maxBytes: limits.maxBytes, maxRows: 100 })
		).rejects.toMatchObject({ reason: 'too_many_rows', params: { max: 100 } });
		const workbook = new ExcelJS.Workbook();
		const ws = workbook.addWorksheet('wide');
		ws.getCell('A1').value = '题型';
		ws.getCell(2, 500).value = 'far right';
		const wide = new Uint8Array(await workbook.xlsx.writeBuffer());
		await expect(readSpreadsheet({ name: 'w.xlsx', bytes: wide })).rejects.toMatchObject({
			reason: 'too_many_columns'
		});
	});

	it('refuses elements nested deeper than any workbook nests them, before reading them all', async () => {
		// a few KB of archive: the reader kept every open element, and took seconds over a million
		const depth = 100_000;
		const cell = `<c r="A1" t="inlineStr"><is>${'<r>'.repeat(depth)}<t>题型</t>${'</r>'.repeat(depth)}</is></c>`;
		const bytes = await minimalWorkbook(`<row r="1">${cell}</row>`);
		expect(bytes.length).toBeLessThan(4 * 1024);
		await expect(readSpreadsheet({ name: 'd.xlsx', bytes })).rejects.toMatchObject({
			reason: 'unreadable'
		});
	});

	it('refuses what is not a zip at all', async () => {
		const bytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('no zip')]);
		await expect(readSpreadsheet({ name: 'x.xlsx', bytes })).rejects.toMatchObject({
			reason: 'unreadable'
		});
	});
});
