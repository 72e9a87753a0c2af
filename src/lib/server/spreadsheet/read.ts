import ExcelJS from 'exceljs';
import { zipWithinLimits } from './zip-guard.ts';
import { decodeCsv, parseCsv } from './csv.ts';
import { DEFAULT_LIMITS, type Sheet, type SheetLimits, SpreadsheetError } from './types.ts';

export interface Upload {
	name: string;
	bytes: Uint8Array;
}

// .xlsx is a zip archive; the old binary .xls is an OLE compound document
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * Reads the first worksheet of an .xlsx upload, or a .csv upload, as text: the first non-empty row
 * is the header, fully empty rows are skipped (row numbers stay those of the sheet).
 * @throws SpreadsheetError when the file is too big, not a spreadsheet, or unreadable.
 */
export async function readSpreadsheet(
	upload: Upload,
	limits: SheetLimits = DEFAULT_LIMITS
): Promise<Sheet> {
	const { bytes } = upload;
	if (bytes.byteLength > limits.maxBytes) {
		throw new SpreadsheetError('too_large', { mb: Math.floor(limits.maxBytes / 1024 / 1024) });
	}
	let records: { line: number; values: string[] }[];
	if (startsWith(bytes, ZIP_MAGIC)) records = await xlsxRecords(bytes, limits);
	else if (startsWith(bytes, OLE_MAGIC) || !/\.csv$/i.test(upload.name)) {
		throw new SpreadsheetError('unsupported');
	} else records = parseCsv(decodeCsv(bytes)).map((values, i) => ({ line: i + 1, values }));
	return toSheet(records, limits);
}

function toSheet(records: { line: number; values: string[] }[], limits: SheetLimits): Sheet {
	const filled = records.filter((r) => r.values.some((v) => v.trim() !== ''));
	const [head, ...body] = filled;
	if (!head) throw new SpreadsheetError('no_header');
	if (body.length > limits.maxRows)
		throw new SpreadsheetError('too_many_rows', { max: limits.maxRows });
	const headers = head.values.map((h) => h.trim());
	const seen = new Set<string>();
	for (const h of headers) {
		if (h === '') continue;
		if (seen.has(h)) throw new SpreadsheetError('duplicate_header', { header: h });
		seen.add(h);
	}
	return {
		headers: headers.filter((h) => h !== ''),
		rows: body.map((r) => ({
			line: r.line,
			cells: Object.fromEntries(
				headers.flatMap((h, i) => (h === '' ? [] : [[h, r.values[i] ?? '']]))
			)
		}))
	};
}

async function xlsxRecords(bytes: Uint8Array, limits: SheetLimits) {
	if (!(await zipWithinLimits(bytes))) throw new SpreadsheetError('unreadable');
	const workbook = new ExcelJS.Workbook();
	try {
		// exceljs's typings predate Buffer being generic; the bytes are what it expects
		await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
	} catch {
		throw new SpreadsheetError('unreadable');
	}
	const sheet = workbook.worksheets[0];
	if (!sheet) throw new SpreadsheetError('no_header');
	// a cheap early stop before walking a huge sheet (+1 for the header row)
	if (sheet.actualRowCount > limits.maxRows + 1) {
		throw new SpreadsheetError('too_many_rows', { max: limits.maxRows });
	}
	const records: { line: number; values: string[] }[] = [];
	sheet.eachRow({ includeEmpty: false }, (row, line) => {
		const values: string[] = [];
		row.eachCell({ includeEmpty: true }, (cell, col) => {
			values[col - 1] = cellText(cell);
		});
		records.push({ line, values: Array.from(values, (v) => v ?? '') });
	});
	return records;
}

/**
 * The text a person sees in a cell. Strings (工号 typed as text, "000123") come back unchanged; a
 * number shown with a zero-padding format such as "000000" is padded the same way, because that is
 * how Excel users commonly keep leading zeros in numeric columns.
 */
export function cellText(cell: ExcelJS.Cell): string {
	const value = cell.value;
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') {
		const fmt = cell.numFmt;
		if (fmt && /^0+$/.test(fmt) && Number.isInteger(value)) {
			return String(value).padStart(fmt.length, '0');
		}
		return String(value);
	}
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'object' && 'result' in value) {
		const result = value.result;
		if (result instanceof Date) return result.toISOString().slice(0, 10);
		return result === undefined || result === null || typeof result === 'object'
			? ''
			: String(result);
	}
	if (typeof value === 'object' && 'error' in value) return '';
	return cell.text;
}
