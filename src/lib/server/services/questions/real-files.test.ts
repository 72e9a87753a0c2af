/**
 * Question files as real programs and people make them: a CSV Excel saved on a Chinese Windows,
 * a template with its example row left in, a CSV renamed .txt, a workbook with instructions,
 * hidden sheets, rich text, formulas and dates, and statute text pasted into cells.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { gbk } from '../../testing/encodings.ts';
import { ROW_HEADERS } from '@xuefa/core';
import { readQuestionFile } from './read-upload.ts';
import { TEMPLATE_EXAMPLES } from './template-examples.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);

// A bank typed into Excel and saved as "CSV (逗号分隔)": CRLF, a cell of two lines in quotes,
// answers and difficulties as people write them.
const BANK_CSV = [
	'题型,题目,选项A,选项B,选项C,选项D,正确答案,答案解析,难度',
	'单选题,行政处罚听证应当在举行几日前通知当事人？,三日,五日,七日,十日,C,《行政处罚法》第六十四条,易',
	'多选题,下列属于行政处罚种类的有,警告,罚款,记大过,行政拘留,"A、B、D",,中',
	'多选题,行政许可应当遵循的原则有,公开,公平,公正,保密,ABC,,0.65',
	'多选题,法律解释权属于,全国人大常委会,国务院,最高人民法院,地方人大,"A,C",,难',
	'判断题,"行政法规可以设定除限制人身自由以外的行政处罚。\n（判断正误）",,,,,√,,',
	'判断题,规章可以设定吊销营业执照的行政处罚。,,,,,×,,',
	'判断题,听证由行政机关指定的非本案调查人员主持。,,,,,正确,,',
	'判断题,当事人不承担行政机关组织听证的费用。,,,,,T,,',
	'判断题,行政机关可以口头作出罚款决定。,,,,,错误,,',
	'判断题,违法事实确凿的可以当场作出行政处罚决定。,,,,,F,,'
].join('\r\n');

const summary = (read: Awaited<ReturnType<typeof readQuestionFile>>) =>
	read.result.questions.map((q) => {
		const answer =
			'options' in q
				? q.options.flatMap((o, k) => (o.correct ? ['ABCDEFGH'[k]] : [])).join('')
				: 'answer' in q
					? q.answer
					: 'blanks' in q
						? q.blanks.map((b) => b.answers.join('|')).join(';')
						: undefined;
		return [q.type, q.stem, answer, q.difficulty];
	});

describe('a CSV saved by Excel in China', () => {
	for (const [encoding, bytes] of [
		['GBK without a byte-order mark', gbk(BANK_CSV)],
		['UTF-8 with a byte-order mark', withBom(BANK_CSV)]
	] as const)
		it(`reads ${encoding}: answers as people write them, 易/中/难 and a 难度系数`, async () => {
			const read = await readQuestionFile({ name: '2026年学法题库.csv', bytes });
			expect(read.format).toBe('rows');
			expect(read.result.issues).toEqual([]);
			expect(summary(read)).toEqual([
				['single', '行政处罚听证应当在举行几日前通知当事人？', 'C', 1],
				['multiple', '下列属于行政处罚种类的有', 'ABD', 3],
				['multiple', '行政许可应当遵循的原则有', 'ABC', 2],
				['multiple', '法律解释权属于', 'AC', 5],
				['truefalse', '行政法规可以设定除限制人身自由以外的行政处罚。\n（判断正误）', true, 3],
				['truefalse', '规章可以设定吊销营业执照的行政处罚。', false, 3],
				['truefalse', '听证由行政机关指定的非本案调查人员主持。', true, 3],
				['truefalse', '当事人不承担行政机关组织听证的费用。', true, 3],
				['truefalse', '行政机关可以口头作出罚款决定。', false, 3],
				['truefalse', '违法事实确凿的可以当场作出行政处罚决定。', false, 3]
			]);
			expect(read.result.questions[0]!.explanation).toBe('《行政处罚法》第六十四条');
		});

	it('leaves out the template’s example row under the header and names it', async () => {
		const csv = [
			'序号,题型,题目,选项A,选项B,正确答案,答案解析',
			'例,单选题,例：听证应当在举行几日前通知当事人？,三日,七日,B,（此行为示例，导入前请删除）',
			'1,单选题,听证由谁主持？,本案调查人员,非本案调查人员,B,',
			'2,判断题,当事人可以委托一至二人代理。,,,对,'
		].join('\r\n');
		const read = await readQuestionFile({ name: '考试题库模板.csv', bytes: gbk(csv) }, 'auto', {
			序号: ''
		});
		expect(read.result.issues).toEqual([]);
		expect(read.exampleRows).toEqual([{ line: 2 }]);
		expect(read.result.questions.map((q) => q.stem)).toEqual([
			'听证由谁主持？',
			'当事人可以委托一至二人代理。'
		]);
	});

	it('says so when the template comes back with only its example in it', async () => {
		const csv =
			'题型,题干,答案,解析\r\n判断题,例：行政机关应当依法行政。,对,此行为示例，导入前请删除\r\n';
		await expect(readQuestionFile({ name: '模板.csv', bytes: gbk(csv) })).rejects.toMatchObject({
			code: 'bank_import_only_examples',
			params: { rows: '2' }
		});
	});

	it('reads the alternatives of a blank after |, blanks after ；, and keeps 或 as written', async () => {
		const csv = [
			'题型,题干,答案',
			'填空题,行政处罚的种类包括警告、通报批评和____等。,罚款|没收违法所得',
			'填空题,听证由____主持；当事人可以委托____人代理。,非本案调查人员；一至二',
			'填空题,对违法行为给予行政处罚的规定必须____。,公布或公开',
			// one blank and two answers after ；: a blank too many, said at its row
			'填空题,听证应当在举行____日前通知当事人。,七；7'
		].join('\r\n');
		const read = await readQuestionFile({ name: '填空.csv', bytes: gbk(csv) });
		expect(summary(read)).toEqual([
			['fill', '行政处罚的种类包括警告、通报批评和____等。', '罚款|没收违法所得', 3],
			['fill', '听证由____主持；当事人可以委托____人代理。', '非本案调查人员;一至二', 3],
			['fill', '对违法行为给予行政处罚的规定必须____。', '公布或公开', 3]
		]);
		expect(read.result.issues).toEqual([
			// said as the blank's alternatives, which the row may have meant
			expect.objectContaining({
				line: 5,
				path: '答案',
				code: 'format.row.fill_alternatives',
				data: expect.objectContaining({ value: '七；7', markers: 1, blanks: 2 })
			})
		]);
	});
});

describe('long numbers Excel turned into scientific notation', () => {
	it('refuses the rows whose id or answer lost its digits, saying where, rather than import them', async () => {
		const csv = [
			'编号,题型,题干,答案',
			'1.23457E+17,判断题,听证应当公开举行。,对',
			'FX-2,填空题,该企业的统一社会信用代码是____。,9.14403E+17',
			'FX-3,填空题,罚款数额为____元。,"1,000"'
		].join('\r\n');
		const wb = new ExcelJS.Workbook();
		const sheet = wb.addWorksheet('题库');
		sheet.addRow(['编号', '题型', '题干', '答案']);
		sheet.addRow([123456789012345000, '判断题', '听证应当公开举行。', '对']);
		sheet.addRow(['FX-2', '填空题', '该企业的统一社会信用代码是____。', 914403001234567000]);
		sheet.addRow(['FX-3', '填空题', '罚款数额为____元。', 1000]);
		const files = [
			{ name: '题库.csv', bytes: gbk(csv) },
			{ name: '题库.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) }
		];
		for (const file of files) {
			const read = await readQuestionFile(file);
			expect(read.result.ok).toBe(false);
			expect(read.result.issues.map((i) => [i.code, i.line, i.path, i.data?.['value']])).toEqual([
				['format.row.scientific', 2, '编号', '1.23457E+17'],
				['format.row.scientific', 3, '答案', '9.14403E+17']
			]);
			expect(read.result.questions.map((q) => q.id)).toEqual(['FX-3']);
		}
	});
});

describe('a question workbook whose long numbers Excel rounded in cells formatted as numbers', () => {
	it('refuses them at their rows, saying the digits are lost, and reads the others as shown', async () => {
		const wb = new ExcelJS.Workbook();
		const sheet = wb.addWorksheet('题库');
		sheet.addRow(['编号', '题型', '题干', '选项A', '选项B', '答案', '分值']);
		// a question code of 18 digits typed into a column formatted 0, as some systems number them
		sheet.addRow([Number('202601010000000123'), '判断题', '听证应当公开举行。', '', '', '对', 2]);
		sheet.addRow(['FX-2', '单选题', '罚款数额为多少元？', 1000, 2000, 'A', 2]);
		sheet.getCell('A2').numFmt = '0';
		sheet.getCell('D3').numFmt = '#,##0';
		sheet.getCell('E3').numFmt = '#,##0';
		sheet.getCell('G3').numFmt = '0.0';
		const read = await readQuestionFile({
			name: '题库.xlsx',
			bytes: new Uint8Array(await wb.xlsx.writeBuffer())
		});
		expect(read.result.issues.map((i) => [i.code, i.line, i.path, i.data?.['value']])).toEqual([
			['format.row.rounded', 2, '编号', '202601010000000000']
		]);
		expect(read.result.questions).toEqual([
			expect.objectContaining({
				id: 'FX-2',
				options: [
					expect.objectContaining({ text: '1,000' }),
					expect.objectContaining({ text: '2,000' })
				],
				points: 2
			})
		]);
	});
});

describe('a file read by what it holds, not only by its name', () => {
	it('imports a question bank exported as tab-separated text named .xls', async () => {
		const text = [
			'题型\t题干\t选项A\t选项B\t选项C\t答案',
			'单项选择题\t听证应当在几日前通知？\t三日\t七日\t十日\tB',
			'判断题\t宪法是国家的根本法。\t\t\t\t√'
		].join('\r\n');
		const read = await readQuestionFile({ name: '考试题库导出.xls', bytes: gbk(text) });
		expect(read.result.issues).toEqual([]);
		expect(read.result.questions.map((q) => q.type)).toEqual(['single', 'truefalse']);
	});

	it('reads a CSV renamed .txt as a table, not as GIFT', async () => {
		const csv = ['题型,题干,选项A,选项B,答案', '单选题,听证应当在几日前通知？,三日,七日,B'].join(
			'\r\n'
		);
		for (const bytes of [utf8(csv), gbk(csv)]) {
			const read = await readQuestionFile({ name: '题库（导出）.txt', bytes });
			expect(read.format).toBe('rows');
			expect(read.result.issues).toEqual([]);
			expect(summary(read)).toEqual([['single', '听证应当在几日前通知？', 'B', 3]]);
		}
	});

	it('reads a .txt CSV whose every cell is in quotes as a table', async () => {
		const csv = [
			'"题型","题干","选项A","选项B","答案"',
			'"单选题","听证应当在几日前通知？","三日","七日","B"'
		].join('\r\n');
		const read = await readQuestionFile({ name: 'export.txt', bytes: utf8(csv) });
		expect(read.format).toBe('rows');
		expect(summary(read)).toEqual([['single', '听证应当在几日前通知？', 'B', 3]]);
	});

	it('reads a .txt table of columns it does not know as a table, and asks what they are', async () => {
		const csv = ['题号,内容,选项1,选项2,答案', '1,听证应当在几日前通知？,三日,七日,B'].join('\r\n');
		const read = await readQuestionFile({ name: 'export.txt', bytes: utf8(csv) });
		expect(read.format).toBe('rows');
		expect(read.unknownColumns).toEqual(['题号', '内容', '选项1', '选项2']);
		const named = await readQuestionFile({ name: 'export.txt', bytes: utf8(csv) }, 'auto', {
			题号: '',
			内容: '题干',
			选项1: '选项A',
			选项2: '选项B'
		});
		// no 题型 column: refused at its header, not taken for GIFT
		expect(named.result.issues).toEqual([
			expect.objectContaining({ code: 'format.row.header_missing', path: '题型' })
		]);
	});

	it('says what a .txt that is no table, Aiken or GIFT looks like, not a GIFT error per line', async () => {
		for (const text of [
			'一、判断题\r\n1. 行政机关应当依法行政。（对）\r\n',
			'行政机关应当依法行政。\r\n对\r\n'
		]) {
			await expect(readQuestionFile({ name: '题库.txt', bytes: utf8(text) })).rejects.toMatchObject(
				{ code: 'bank_import_text_unrecognised' }
			);
		}
		// a GIFT file still reads as GIFT, its first line a stem with commas in it
		const gift = '甲,乙,丙中哪一个是行政处罚？{\r\n=乙\r\n~甲\r\n}\r\n';
		const read = await readQuestionFile({ name: '题库.txt', bytes: utf8(gift) });
		expect(read.format).toBe('gift');
	});

	it('reads an Aiken file saved as GBK with CRLF, its text shown as typed', async () => {
		const aiken = [
			'1. 依照《行政处罚法》，听证应当在举行几日前通知当事人？*',
			'A. 三日',
			'B. 七日',
			'答案：B',
			''
		].join('\r\n');
		const read = await readQuestionFile({ name: '题库.txt', bytes: gbk(aiken) });
		expect(read.format).toBe('aiken');
		expect(read.result.questions).toEqual([
			expect.objectContaining({ stem: '依照《行政处罚法》，听证应当在举行几日前通知当事人？\\*' })
		]);
	});
});

describe('a workbook as people keep one', () => {
	it('leaves out our template’s own examples when the questions are written under them on 示例', async () => {
		const wb = new ExcelJS.Workbook();
		wb.addWorksheet('试题').addRow([...ROW_HEADERS]);
		const examples = wb.addWorksheet('示例');
		examples.addRow([...ROW_HEADERS]);
		for (const row of TEMPLATE_EXAMPLES) examples.addRow([...row]);
		const own = (cells: Record<string, string>) => ROW_HEADERS.map((h) => cells[h] ?? '');
		examples.addRow(own({ 题型: '判断', 题干: '听证由非本案调查人员主持。', 答案: '对' }));
		// an example made one's own: a 编号 kept, a 题干 of its own
		examples.addRow(own({ 编号: 'XZCF-001', 题型: '判断', 题干: '听证公开举行。', 答案: '对' }));
		const read = await readQuestionFile({
			name: '题库导入模板.xlsx',
			bytes: new Uint8Array(await wb.xlsx.writeBuffer())
		});
		expect(read.result.issues).toEqual([]);
		expect(read.exampleRows).toEqual(
			TEMPLATE_EXAMPLES.map((_, k) => ({ line: k + 2, sheet: '示例' }))
		);
		expect(read.result.questions.map((q) => q.stem)).toEqual([
			'听证由非本案调查人员主持。',
			'听证公开举行。'
		]);
	});

	it('reads the sheet of questions past its instructions and a hidden sheet; rich text, formulas, numbers and dates as shown', async () => {
		const wb = new ExcelJS.Workbook();
		const notes = wb.addWorksheet('说明');
		notes.addRow(['填写说明：']);
		notes.addRow(['1. 题型可填：单选题、多选题、判断题、填空题、简答题']);
		notes.addRow(['2. 判断题答案填“对”或“错”']);
		const old = wb.addWorksheet('旧题（已停用）');
		old.state = 'hidden';
		old.addRow(['题型', '题干', '答案']);
		old.addRow(['判断题', '已经废止的旧题。', '对']);
		const sheet = wb.addWorksheet('题库');
		sheet.addRow(['题型', '题干', '选项A', '选项B', '选项C', '答案', '分值', '难度']);
		sheet.addRow([
			'单选题',
			{
				richText: [
					{ text: '依照' },
					{ text: '《行政处罚法》', font: { bold: true, color: { argb: 'FFFF0000' } } },
					{ text: '，听证应当在举行几日前通知当事人？' }
				]
			},
			3,
			7,
			10,
			'B',
			{ formula: '4/2', result: 2 },
			'中'
		]);
		sheet.addRow([
			'填空题',
			'《行政处罚法》自____起施行。',
			'',
			'',
			'',
			new Date(Date.UTC(2021, 6, 15)),
			1,
			''
		]);
		sheet.getCell('F3').numFmt = 'yyyy"年"m"月"d"日"';
		sheet.addRow(['填空题', '《行政处罚法》共有____条。', '', '', '', 86, 1, '']);
		sheet.addRow(['填空题', '罚款数额占比不得超过____。', '', '', '', 0.05, 1, '']);
		sheet.getCell('F5').numFmt = '0%';
		const read = await readQuestionFile({
			name: '题库.xlsx',
			bytes: new Uint8Array(await wb.xlsx.writeBuffer())
		});
		expect(read.passedOver).toEqual(['说明']);
		expect(read.result.issues).toEqual([]);
		expect(summary(read)).toEqual([
			['single', '依照《行政处罚法》，听证应当在举行几日前通知当事人？', 'B', 3],
			['fill', '《行政处罚法》自____起施行。', '2021年7月15日', 3],
			['fill', '《行政处罚法》共有____条。', '86', 3],
			['fill', '罚款数额占比不得超过____。', '5%', 3]
		]);
		expect(read.result.questions[0]).toMatchObject({
			points: 2,
			options: [{ text: '3' }, { text: '7' }, { text: '10' }]
		});
	});
});

describe('statute text in cells', () => {
	it('shows as written: numbered items, a footnote *, # and < stay text', async () => {
		const stem = [
			'根据下列规定回答问题：',
			'第九条 行政处罚的种类：',
			'（一）警告、通报批评；',
			'1. 罚款*',
			'# <注>'
		].join('\n');
		const csv = `题型,题干,答案\r\n简答题,"${stem}",第九条*`;
		const read = await readQuestionFile({ name: '法条题.csv', bytes: gbk(csv) });
		expect(read.result.questions).toEqual([
			expect.objectContaining({
				stem: [
					'根据下列规定回答问题：',
					'第九条 行政处罚的种类：',
					'（一）警告、通报批评；',
					'1\\. 罚款\\*',
					'\\# \\<注\\>'
				].join('\n'),
				referenceAnswer: '第九条\\*'
			})
		]);
	});
});
