import ExcelJS from 'exceljs';
import { type ListExport, streamWorkbook } from '../spreadsheet/index.ts';

/** The bytes of a streamed list export, as a browser receives them. */
export async function listExportBytes(list: ListExport): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of streamWorkbook(list)) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** A streamed list export read back as a spreadsheet program would: its sheet, rows as text. */
export async function readListExport(list: ListExport) {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load((await listExportBytes(list)) as never);
	const sheet = book.worksheets[0]!;
	const rows: string[][] = [];
	// row.values is sparse (an empty cell is a hole): read each column instead
	sheet.eachRow((row) => {
		rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).text));
	});
	return { sheet, header: rows[0] ?? [], rows: rows.slice(1) };
}
