/**
 * Question banks other exam systems export as old Excel files: a binary .xls (BIFF8, BIFF5), an
 * Excel 2003 XML spreadsheet and an HTML table named .xls import as the same rows saved as .xlsx.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { testDb } from '../../testing/db.ts';
import { ctxFor, district, makeBank, makeUser } from '../../testing/factories.ts';
import { oleFile, oleXls } from '../../testing/ole.ts';
import { biff5Gbk } from '../../testing/xls.ts';
import { previewQuestionImport } from './import.ts';
import { readQuestionFile } from './read-upload.ts';

const ROWS = [
	['编号', '题型', '题目', '选项A', '选项B', '选项C', '选项D', '正确答案', '答案解析', '难度'],
	[
		'Q1',
		'单选题',
		'听证应当在举行几日前通知当事人？',
		'三日',
		'五日',
		'七日',
		'十日',
		'C',
		'第六十四条',
		'易'
	],
	[
		'Q2',
		'多选题',
		'下列属于行政处罚种类的有',
		'警告',
		'罚款',
		'记大过',
		'行政拘留',
		'ABD',
		'',
		'中'
	],
	['Q3', '判断题', '规章可以设定吊销营业执照的行政处罚。', '', '', '', '', '错误', '', '难'],
	['000123', '判断题', '当事人不承担行政机关组织听证的费用。', '', '', '', '', '正确', '', '']
];

function bank(bookType: 'xlsx' | 'biff8' | 'biff5' | 'xlml' | 'html', rows = ROWS) {
	const name = bookType === 'xlsx' ? '题库.xlsx' : '题库.xls';
	// SheetJS writes BIFF5 text in code page 1252: made here in GBK, as Chinese tools wrote it
	if (bookType === 'biff5') return { name, bytes: biff5Gbk('试题', rows) };
	const wb = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '试题');
	return { name, bytes: new Uint8Array(XLSX.write(wb, { bookType, type: 'buffer' })) };
}

async function setup() {
	const db = await testDb();
	const d = await district(db);
	const organiser = await makeUser(db, d.root.id, [['organiser', d.root.id]]);
	const bank = await makeBank(db, d.a.id);
	return { bank, ctx: await ctxFor(db, organiser.user.id) };
}

describe('a question bank exported as an old .xls', () => {
	it('previews and reads as the same rows saved as .xlsx, from each old format', async () => {
		const { bank: target, ctx } = await setup();
		const shown = async (upload: { name: string; bytes: Uint8Array }) => {
			const { stagedId, previewId, fileName, ...preview } = await previewQuestionImport(
				ctx,
				{ bankId: target.id },
				upload
			);
			expect(stagedId).toMatch(/./);
			expect(previewId).toMatch(/./);
			expect(fileName).toBe(upload.name);
			return preview;
		};
		const expected = await shown(bank('xlsx'));
		// what the organiser sees: every question, none refused
		expect(expected).toMatchObject({
			format: 'rows',
			errors: [],
			counts: { create: 4, update: 0, unchanged: 0 },
			byType: { single: 1, multiple: 1, truefalse: 2 }
		});
		expect(expected.rows.map((r) => [r.externalId, r.stem])).toEqual(
			ROWS.slice(1).map((r) => [r[0], r[2]])
		);
		const questions = (await readQuestionFile(bank('xlsx'))).result.questions;
		for (const bookType of ['biff8', 'biff5', 'xlml', 'html'] as const) {
			expect(await shown(bank(bookType)), bookType).toEqual(expected);
			expect((await readQuestionFile(bank(bookType))).result.questions, bookType).toEqual(
				questions
			);
		}
	});

	it('refuses a damaged .xls as unreadable, and one with a password as before', async () => {
		const refusal = (name: string, bytes: Uint8Array) =>
			readQuestionFile({ name, bytes }).catch((e: unknown) => (e as { code?: string }).code);
		const cut = bank('biff8').bytes.slice(0, 1500);
		expect(await refusal('题库.xls', cut)).toBe('bank_import_unreadable');
		expect(await refusal('题库.xls', oleXls(false))).toBe('bank_import_unreadable');
		expect(await refusal('题库.xls', oleXls(true))).toBe('bank_import_encrypted_xls');
		expect(await refusal('题库.xlsx', oleFile('EncryptedPackage'))).toBe('bank_import_encrypted');
	});

	it('refuses a .xls of more questions than the limit', { timeout: 60_000 }, async () => {
		// few columns: SheetJS takes seconds to write a BIFF8 file of 5,000 rows
		const rows = [
			['编号', '题型', '题目', '正确答案'],
			...Array.from({ length: 5001 }, (_, i) => [`Q${i}`, '判断题', '规章可以设定罚款。', '对'])
		];
		expect(
			await readQuestionFile(bank('biff8', rows)).catch(
				(e: unknown) => (e as { code?: string }).code
			)
		).toBe('bank_import_too_many_rows');
	});
});
