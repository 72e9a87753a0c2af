/**
 * Rosters HR systems export as old Excel files: a binary .xls (BIFF8, BIFF5), an Excel 2003 XML
 * spreadsheet and an HTML table named .xls, their ids kept as typed.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { ctxFor, district } from '../../testing/factories.ts';
import { testDb } from '../../testing/db.ts';
import { HEADER } from '../../testing/roster.ts';
import { biff5Gbk } from '../../testing/xls.ts';
import { previewRoster } from './preview.ts';

const cadre = (name: string, employeeNo: string | number) => [
	'区司法局',
	name,
	employeeNo,
	'科员',
	'科员',
	'非人大任命',
	'在职',
	'学员'
];

function roster(bookType: 'biff8' | 'biff5' | 'xlml' | 'html', rows: (string | number)[][]) {
	const all = [HEADER, ...rows];
	if (bookType === 'biff5')
		return {
			name: '花名册.xls',
			bytes: biff5Gbk(
				'花名册',
				all.map((r) => r.map(String))
			)
		};
	const wb = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(all), '花名册');
	return {
		name: '花名册.xls',
		bytes: new Uint8Array(XLSX.write(wb, { bookType, type: 'buffer' }))
	};
}

describe('a roster exported as an old .xls', () => {
	it('keeps the zeros of a 工号 and the 18 digits of a 身份证号 typed as text', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const rows = [cadre('王芳', '000123'), cadre('李强', '110101199003071234')];
		for (const bookType of ['biff8', 'biff5', 'xlml', 'html'] as const) {
			const preview = await previewRoster(ctx, roster(bookType, rows));
			expect(preview.errors, bookType).toEqual([]);
			expect(
				preview.rows.map((r) => [r.line, r.name, r.employeeNo]),
				bookType
			).toEqual([
				[2, '王芳', '000123'],
				[3, '李强', '110101199003071234']
			]);
		}
	});

	it('refuses an 18-digit 工号 Excel kept as a number, as in an .xlsx', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const rows = [cadre('王芳', Number('110101199003071234'))];
		for (const bookType of ['biff8', 'xlml'] as const) {
			const preview = await previewRoster(ctx, roster(bookType, rows));
			expect(preview.stagedId).toBeNull();
			expect(preview.errors.map((e) => [e.row, e.column])).toEqual([[2, '工号']]);
			expect(preview.errors[0]!.message).toContain('“1.10101E+17”是 Excel');
		}
	});

	it('says a damaged .xls cannot be read', async () => {
		const db = await testDb();
		const d = await district(db);
		const ctx = await ctxFor(db, d.admin.user.id);
		const cut = roster('biff8', [cadre('王芳', '000123')]).bytes.slice(0, 1500);
		await expect(previewRoster(ctx, { name: '花名册.xls', bytes: cut })).rejects.toMatchObject({
			code: 'roster_file_unreadable'
		});
	});
});
