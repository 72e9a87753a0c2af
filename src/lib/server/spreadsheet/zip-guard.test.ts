import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { zipWithinLimits } from './zip-guard.ts';

describe('zipWithinLimits', () => {
	it('accepts a real workbook', async () => {
		const workbook = new ExcelJS.Workbook();
		workbook.addWorksheet('花名册').addRow(['单位', '姓名', '工号']);
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		expect(await zipWithinLimits(bytes)).toBe(true);
	});

	it('refuses a small file that would unpack beyond the limit (a zip bomb)', async () => {
		const zip = new JSZip();
		zip.file('xl/worksheets/sheet1.xml', 'A'.repeat(2 * 1024 * 1024));
		const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
		expect(bytes.length).toBeLessThan(64 * 1024);
		expect(await zipWithinLimits(bytes, 1024 * 1024)).toBe(false);
	});

	it('refuses what is not a zip at all', async () => {
		expect(await zipWithinLimits(new TextEncoder().encode('not a workbook'))).toBe(false);
	});
});
