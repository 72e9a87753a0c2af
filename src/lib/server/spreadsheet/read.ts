import { csvRecords, decodeCsv } from './csv.ts';
import { XLSX_LIMITS, readXlsxRecords } from './xlsx.ts';
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
	if (startsWith(bytes, ZIP_MAGIC)) {
		records = await readXlsxRecords(bytes, {
			...XLSX_LIMITS,
			maxUnzippedBytes: limits.maxUnzippedBytes ?? XLSX_LIMITS.maxUnzippedBytes,
			maxRecords: limits.maxRows + 1
		});
	} else if (startsWith(bytes, OLE_MAGIC) || !/\.csv$/i.test(upload.name)) {
		throw new SpreadsheetError('unsupported');
	} else {
		records = csvRecords(decodeCsv(bytes), limits.maxRows + 1).map(({ line, values }) => ({
			line,
			values: withinColumns(values, XLSX_LIMITS.maxColumns)
		}));
	}
	return toSheet(records, limits);
}

/**
 * A CSV record cut to the columns an .xlsx may use: every row becomes an object keyed by the
 * headers, so a header of 20,000 columns over 200 rows (130 KB) took 3 s and 400 MB.
 */
function withinColumns(values: string[], max: number): string[] {
	if (values.length <= max) return values;
	if (values.some((v, i) => i >= max && v !== '')) {
		throw new SpreadsheetError('too_many_columns', { max });
	}
	return values.slice(0, max);
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
