import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { utf16 } from '../../testing/encodings.ts';
import { oleFile, oleXls } from '../../testing/ole.ts';
import { readQuestionFile } from './read-upload.ts';

describe('reading question files saved by other programs', () => {
	it('a GIFT file Notepad saved as "Unicode" imports its question, not garbage', async () => {
		const read = await readQuestionFile({
			name: '题库.txt',
			bytes: utf16('::q1::行政法规可以设定吊销营业执照。{T}\r\n')
		});
		expect(read.result.issues).toEqual([]);
		expect(read.result.questions).toEqual([
			expect.objectContaining({
				id: 'q1',
				type: 'truefalse',
				stem: '行政法规可以设定吊销营业执照。',
				answer: true
			})
		]);
	});

	it('reads as Aiken a .txt Notepad saved as "Unicode", and one whose answers are 答案：B', async () => {
		const aiken = (answer: string) =>
			`听证应当在几日前通知？\r\nA. 三日\r\nB. 七日\r\n${answer}\r\n`;
		const files = [
			utf16(aiken('ANSWER: B')),
			// as Chinese files write it: not refused as GIFT descriptions
			new TextEncoder().encode(aiken('答案：B'))
		];
		for (const bytes of files) {
			const read = await readQuestionFile({ name: '题库.txt', bytes });
			expect(read.format).toBe('aiken');
			expect(read.result.issues).toEqual([]);
			expect(read.result.questions).toEqual([
				expect.objectContaining({
					stem: '听证应当在几日前通知？',
					options: [
						expect.objectContaining({ text: '三日', correct: false }),
						expect.objectContaining({ text: '七日', correct: true })
					]
				})
			]);
		}
	});

	it('imports a sheet Excel saved as "Unicode 文本" (.txt, tab-separated), its row numbers kept', async () => {
		const sheet = [
			'题型\t题目\t选项A\t选项B\t正确答案\t解析',
			'单选题\t听证应当在几日前通知？\t三日\t七日\tB\t见第六十四条',
			'',
			'判断题\t"行政法规可以设定""吊销营业执照""。\n（第二行）"\t\t\t对\t',
			'多选题\t下列属于行政处罚的有\t警告\t\tAB\t'
		].join('\r\n');
		const read = await readQuestionFile({ name: '题库.txt', bytes: utf16(sheet) });
		expect(read.format).toBe('rows');
		expect(read.result.questions).toEqual([
			expect.objectContaining({
				type: 'single',
				stem: '听证应当在几日前通知？',
				explanation: '见第六十四条',
				options: [
					expect.objectContaining({ text: '三日', correct: false }),
					expect.objectContaining({ text: '七日', correct: true })
				]
			}),
			expect.objectContaining({
				type: 'truefalse',
				stem: '行政法规可以设定"吊销营业执照"。\n（第二行）',
				answer: true
			})
		]);
		expect(read.result.issues).toEqual([
			expect.objectContaining({ code: 'format.row.answer_option', line: 5 })
		]);
		// a GIFT file's tabs indent its answers: it is no table
		const gift = '::q1::听证应当公开举行。{\n\t=对\n\t~错\n}\n';
		const asGift = await readQuestionFile({ name: 'q.txt', bytes: new TextEncoder().encode(gift) });
		expect(asGift.format).toBe('gift');
	});

	it('a 题型 and 分值 merged down the rows of their section apply to every row of it', async () => {
		const wb = new ExcelJS.Workbook();
		const sheet = wb.addWorksheet('题库');
		// a header of two rows: 题型, 题干, 答案 merged down both, 选项 merged over A–D
		sheet.addRow(['题型', '题干', '选项', '', '', '', '答案', '解析', '分值']);
		sheet.addRow(['', '', 'A', 'B', 'C', 'D']);
		for (const range of ['A1:A2', 'B1:B2', 'C1:F1', 'G1:G2', 'H1:H2', 'I1:I2']) {
			sheet.mergeCells(range);
		}
		sheet.addRow([
			'单选题',
			'听证应当在举行几日前通知？',
			'三日',
			'五日',
			'七日',
			'十日',
			'C',
			'',
			2
		]);
		sheet.addRow([
			'',
			'行政处罚由违法行为发生地的哪一级机关管辖？',
			'乡级',
			'县级以上',
			'',
			'',
			'B'
		]);
		sheet.addRow(['判断题', '行政法规可以设定吊销营业执照。', '', '', '', '', '对', '', 1]);
		sheet.addRow(['', '规章可以设定限制人身自由的行政处罚。', '', '', '', '', '错']);
		// an answer merged across into 解析 is one cell: 解析 stays empty
		sheet.addRow(['简答题', '简述听证程序。', '', '', '', '', '告知、申请、举行', '', 10]);
		for (const range of ['A3:A4', 'I3:I4', 'A5:A6', 'I5:I6', 'G7:H7']) sheet.mergeCells(range);
		const read = await readQuestionFile({
			name: '题库.xlsx',
			bytes: new Uint8Array(await wb.xlsx.writeBuffer())
		});
		expect(read.result.issues).toEqual([]);
		expect(
			read.result.questions.map((q) => [q.type, q.stem.slice(0, 6), q.points, q.explanation])
		).toEqual([
			['single', '听证应当在举', 2, undefined],
			['single', '行政处罚由违', 2, undefined],
			['truefalse', '行政法规可以', 1, undefined],
			['truefalse', '规章可以设定', 1, undefined],
			['essay', '简述听证程序', 10, undefined]
		]);
		expect(read.result.questions[1]).toMatchObject({
			options: [
				{ text: '乡级', correct: false },
				{ text: '县级以上', correct: true }
			]
		});
		expect(read.result.questions[3]).toMatchObject({ answer: false });
	});
	it('imports a platform export as its sheet shows it: one-line options, keys as printed, a formula’s points', async () => {
		const wb = new ExcelJS.Workbook();
		const sheet = wb.addWorksheet('试题');
		sheet.addRow(['2026年度学法考试题库（导出）']);
		sheet.mergeCells('A1:F1');
		sheet.addRow(['试题类型', '试题内容', '选项内容', '标准答案', '答案解析', '试题分数']);
		const rows = [
			['单项选择题', '听证应当在举行几日前通知？', 'A.三日 B.七日 C.十日 D.十五日', 'B'],
			// an option of two lines; the answer with a zero-width space copied from a web page
			['多项选择题', '属于行政处罚的有', '(A)警告\n（含通报批评）\n(B)罚款\n(C)记过', 'A、B\u200b'],
			['判断题', '行政法规可以设定吊销营业执照。', '', '（√）'],
			['填空题', '听证由____主持，当事人可以委托____人代理。', '', '非本案调查人员|一至二']
		];
		for (const row of rows)
			sheet.addRow([...row, '', { formula: '0.1*3*10', result: 0.1 * 3 * 10 }]);
		const read = await readQuestionFile({
			name: '导出.xlsx',
			bytes: new Uint8Array(await wb.xlsx.writeBuffer())
		});
		expect(read.result.issues).toEqual([]);
		const [single, multiple, truefalse, fill] = read.result.questions;
		expect(single).toMatchObject({
			points: 3,
			options: ['三日', '七日', '十日', '十五日'].map((text, k) => ({ text, correct: k === 1 }))
		});
		expect(multiple).toMatchObject({
			options: [
				{ text: '警告\n（含通报批评）', correct: true },
				{ text: '罚款', correct: true },
				{ text: '记过', correct: false }
			]
		});
		expect(truefalse).toMatchObject({ answer: true });
		expect(fill).toMatchObject({
			stem: '听证由____主持，当事人可以委托____人代理。',
			blanks: [{ answers: ['非本案调查人员'] }, { answers: ['一至二'] }]
		});
	});

	it('says what to do with a question bank kept in Word, and with a damaged old .xls', async () => {
		const refusal = (name: string) =>
			readQuestionFile({ name, bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]) }).catch(
				(e: unknown) => (e as { code?: string }).code
			);
		expect(await refusal('2026年学法题库.docx')).toBe('bank_import_word');
		expect(await refusal('题库.DOC')).toBe('bank_import_word');
		expect(await refusal('题库.xls')).toBe('bank_import_unreadable');
		// an old workbook renamed .xlsx is read as what it is
		expect(await refusal('题库.xlsx')).toBe('bank_import_unreadable');
	});

	it('says a password-protected workbook needs saving without its password, not as .xlsx', async () => {
		const refusal = (bytes: Uint8Array) =>
			readQuestionFile({ name: '题库.xlsx', bytes }).catch(
				(e: unknown) => (e as { code?: string }).code
			);
		// Excel keeps an encrypted .xlsx in an OLE file, as the old .xls, with these streams
		expect(await refusal(oleFile('EncryptionInfo'))).toBe('bank_import_encrypted');
		expect(await refusal(oleFile('EncryptedPackage'))).toBe('bank_import_encrypted');
		expect(await refusal(oleFile('Workbook'))).toBe('bank_import_unreadable');
	});

	it('says an old .xls with a password needs its password removed and saving as .xlsx', async () => {
		const refusal = (name: string, bytes: Uint8Array) =>
			readQuestionFile({ name, bytes }).catch((e: unknown) => e as { code?: string });
		// "save as .xlsx" alone keeps the password: the file came back refused again
		expect(await refusal('题库.xls', oleXls(true))).toMatchObject({
			code: 'bank_import_encrypted_xls'
		});
		expect(await refusal('题库.XLS', oleXls(true))).toMatchObject({
			code: 'bank_import_encrypted_xls'
		});
		// renamed .xlsx, it is still what it is
		expect(await refusal('题库.xlsx', oleXls(true))).toMatchObject({
			code: 'bank_import_encrypted_xls'
		});
		// without a password it is read: this one holds nothing past its first records
		expect(await refusal('题库.xls', oleXls(false))).toMatchObject({
			code: 'bank_import_unreadable'
		});
	});

	it('refuses a GIFT or Aiken file of more questions than the limit, broken ones counted too', async () => {
		// 5,000 good questions and one broken: the broken one alone kept the file under the
		// limit, and 5 MB of such questions took 15 s to read before it was refused
		const gift = `${'题 {T}\n\n'.repeat(5000)}坏题 {`;
		const aiken = `${'题\nA. 甲\nB. 乙\nANSWER: A\n\n'.repeat(5000)}坏题\nB. 乙\nANSWER: A\n`;
		for (const [name, text] of [
			['题库.gift', gift],
			['题库.txt', aiken]
		] as const)
			await expect(
				readQuestionFile({ name, bytes: new TextEncoder().encode(text) })
			).rejects.toMatchObject({ code: 'bank_import_too_many', params: { max: 5000 } });
	});
});
