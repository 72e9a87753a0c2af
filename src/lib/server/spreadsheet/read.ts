import {
	SEPARATORS,
	type Separator,
	csvRecords,
	decodeCsv,
	lineCells,
	separatorOf
} from './csv.ts';
import { readLegacySheets } from './legacy.ts';
import {
	type MergedRange,
	XLSX_LIMITS,
	type XlsxLimits,
	type XlsxReadOptions,
	type XlsxSheets,
	readXlsxSheets
} from './xlsx.ts';
import { DEFAULT_LIMITS, type Sheet, type SheetLimits, SpreadsheetError } from './types.ts';

export interface Upload {
	name: string;
	bytes: Uint8Array;
}

/** How many non-empty rows at the top may come before the header (a title, notes on filling in). */
export const HEADER_SEARCH_ROWS = 10;

/** Where the header is, for sheets whose header need not be the first row. */
export interface SheetLayout {
	/**
	 * Whether a row is the header. Many platforms' templates put a title and notes on filling in
	 * above it: the first of the top {@link HEADER_SEARCH_ROWS} non-empty rows it accepts is the
	 * header and the rows above are skipped; when it accepts none, the first non-empty row is.
	 * A row right below the header that it accepts too, naming columns the header leaves blank
	 * (选项 merged over A–D above A, B, C, D), is the header's second row.
	 */
	isHeader?: (values: readonly string[]) => boolean;
	/**
	 * Dates and numbers as their cells show them (2021年7月15日 rather than 2021-07-15, 3.50 and
	 * 1,000 as formatted), a number past Excel's 15 digits in a General cell as Excel shows it
	 * (1.23457E+17, see `shownLongNumber`) and in a cell of a number format in full, marked as
	 * rounded (`EXCEL_ROUNDED_MARK`): for texts shown to people as typed (question options, ids,
	 * answers), whose importers refuse lost digits.
	 */
	asShown?: boolean;
}

// .xlsx is a zip archive; the old binary .xls is an OLE compound document
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
// a password-protected .xlsx is an OLE file too, holding the encrypted zip in these streams
const ENCRYPTED_STREAMS = ['EncryptionInfo', 'EncryptedPackage'].map((name) =>
	Buffer.from(name, 'utf16le')
);
// the directory of an OLE file is of 128-byte entries, each starting with its name
const OLE_ENTRY = 128;

/** Whether an OLE file is a password-protected workbook: it has a stream named as such. */
function isEncryptedOle(bytes: Uint8Array): boolean {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	return ENCRYPTED_STREAMS.some((name) => {
		for (let at = buffer.indexOf(name); at >= 0; at = buffer.indexOf(name, at + 1)) {
			if (at % OLE_ENTRY === 0) return true;
		}
		return false;
	});
}
// BIFF records: a workbook's BOF (beginning of file), and FILEPASS, which comes right after the
// BOF of an .xls saved with a password (MS-XLS 2.4.21, 2.4.117)
const BOF = 0x0809;
const FILEPASS = 0x002f;
// the streams of an OLE file start on 64-byte boundaries (its sectors and its mini-sectors)
const OLE_ALIGN = 64;

/**
 * Whether an old binary .xls (BIFF5 or BIFF8) is password-protected: its workbook stream opens
 * with a BOF record of the workbook's globals followed at once by FILEPASS. The records after
 * FILEPASS are encrypted; these two never are. Looked for at the start of every sector, so that
 * the file's directory need not be followed; linear in the file's size.
 */
function isEncryptedXls(bytes: Uint8Array): boolean {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	for (let at = 512; at + 24 <= bytes.byteLength; at += OLE_ALIGN) {
		if (view.getUint16(at, true) !== BOF) continue;
		const length = view.getUint16(at + 2, true);
		const version = view.getUint16(at + 4, true);
		const kind = view.getUint16(at + 6, true);
		// BIFF8 (0x0600) or BIFF5 (0x0500), workbook globals (0x0005)
		if ((length !== 16 && length !== 8) || (version !== 0x0600 && version !== 0x0500)) continue;
		if (kind !== 0x0005 || at + 4 + length + 2 > bytes.byteLength) continue;
		return view.getUint16(at + 4 + length, true) === FILEPASS;
	}
	return false;
}

/**
 * Tables as text: .csv, and .tsv, tab-separated as Excel saves "Unicode 文本"; and an .xls that is
 * neither a workbook nor an old binary one: many systems' "导出Excel" is tab-separated text named
 * .xls, or an HTML table, or an Excel 2003 XML spreadsheet (see `isMarkup`), which Excel opens
 * without a word.
 */
const TEXT_TABLE = /\.(csv|tsv|xls)$/i;

/** Whether a text starts as a web page or an XML file does (an HTML table, an XML spreadsheet). */
const isMarkup = (text: string) =>
	/^\s*<(?:!doctype|html|table|meta|\?xml)/i.test(text.slice(0, 1024));

/** A worksheet with the name on its tab ('' for a .csv). */
export interface NamedSheet extends Sheet {
	name: string;
}

/** The sheets of a workbook read, and the names of those with rows but no header, passed over. */
export interface WorkbookSheets {
	sheets: NamedSheet[];
	passedOver: string[];
}

/**
 * Reads the first visible worksheet of an .xlsx or old .xls upload (see legacy.ts), or a .csv (or
 * tab-separated .tsv) upload,
 * as text: the first non-empty row is the header (or the one `layout.isHeader` picks), fully
 * empty rows are skipped (row numbers stay those of the sheet). With `layout.isHeader`, an .xlsx
 * whose first sheet has no header near its top (instructions on filling in) is read from its
 * first sheet that has one.
 * Cells merged down a column below the header show their value in every row they span.
 * @throws SpreadsheetError when the file is too big, not a spreadsheet, or unreadable.
 */
export async function readSpreadsheet(
	upload: Upload,
	limits: SheetLimits = DEFAULT_LIMITS,
	layout: SheetLayout = {}
): Promise<Sheet> {
	const { sheets } = await readSheets(upload, limits, layout, false);
	return sheets[0]!;
}

/**
 * Reads every visible worksheet of an .xlsx (or old .xls) upload that has a header near its top (as
 * `layout.isHeader` tells), in the workbook's order, or the first when none has: a workbook of one
 * sheet per question type is read whole, and its sheets of instructions are passed over. A .csv
 * is one sheet. `limits.maxRows` counts the data rows of all the sheets together.
 * @throws SpreadsheetError when the file is too big, not a spreadsheet, or unreadable.
 */
export async function readSpreadsheetSheets(
	upload: Upload,
	limits: SheetLimits,
	layout: SheetLayout & Required<Pick<SheetLayout, 'isHeader'>>
): Promise<WorkbookSheets> {
	return readSheets(upload, limits, layout, true);
}

// rows above a header do not count against the limit: up to this many in a whole workbook
const ABOVE_HEADERS = 1000;

async function readSheets(
	upload: Upload,
	limits: SheetLimits,
	layout: SheetLayout,
	all: boolean
): Promise<WorkbookSheets> {
	const { bytes } = upload;
	if (bytes.byteLength > limits.maxBytes) {
		throw new SpreadsheetError('too_large', { mb: Math.floor(limits.maxBytes / 1024 / 1024) });
	}
	// rows above the header do not count against the limit
	const maxRecords = limits.maxRows + 1 + (layout.isHeader ? HEADER_SEARCH_ROWS - 1 : 0);
	const isHeader = layout.isHeader;
	let sheets: {
		name: string;
		records: { line: number; values: string[] }[];
		merged?: MergedRange[];
	}[];
	let passedOver: string[] = [];
	const workbookLimits: XlsxLimits = {
		...XLSX_LIMITS,
		maxUnzippedBytes: limits.maxUnzippedBytes ?? XLSX_LIMITS.maxUnzippedBytes,
		maxRecords,
		...(all ? { maxTotalRecords: limits.maxRows + ABOVE_HEADERS } : {})
	};
	const workbook = async (
		read: (limits: XlsxLimits, options: XlsxReadOptions) => Promise<XlsxSheets>
	): Promise<XlsxSheets> => {
		try {
			return await read(workbookLimits, {
				asShown: layout.asShown ?? false,
				// a sheet of instructions may come before the one to import: the first with a header
				...(isHeader ? { accept: (rows) => headerAt(rows, isHeader) >= 0, all } : {})
			});
		} catch (e) {
			// said in the data rows the importer counts, whatever the sheets have above their headers
			if (e instanceof SpreadsheetError && e.reason === 'too_many_rows') {
				throw new SpreadsheetError('too_many_rows', { max: limits.maxRows });
			}
			throw e;
		}
	};
	if (startsWith(bytes, ZIP_MAGIC)) {
		({ sheets, passedOver } = await workbook((l, o) => readXlsxSheets(bytes, l, o)));
	} else if (startsWith(bytes, OLE_MAGIC) && isEncryptedOle(bytes)) {
		// "save as .xlsx" misleads whoever did: the password is what stands in the way
		throw new SpreadsheetError('encrypted');
	} else if (startsWith(bytes, OLE_MAGIC) && isEncryptedXls(bytes)) {
		// said before SheetJS is asked: it would try to decrypt it, and fail without a word of why
		throw new SpreadsheetError('encrypted_xls');
	} else if (startsWith(bytes, OLE_MAGIC)) {
		// an old binary .xls (BIFF8 or BIFF5), whatever it is named
		({ sheets, passedOver } = await workbook((l, o) => readLegacySheets(bytes, l, o)));
	} else if (!TEXT_TABLE.test(upload.name)) {
		throw new SpreadsheetError('unsupported');
	} else {
		const text = decodeCsv(bytes);
		if (isMarkup(text)) {
			// an HTML table or an XML spreadsheet: what Excel opens as a workbook when named .xls
			if (!/\.xls$/i.test(upload.name)) throw new SpreadsheetError('unsupported');
			({ sheets, passedOver } = await workbook((l, o) => readLegacySheets(text, l, o)));
		} else {
			const separator = /\.tsv$/i.test(upload.name) ? '\t' : csvSeparator(text, isHeader);
			const records = csvRecords(text, maxRecords, separator).map(({ line, values }) => ({
				line,
				values: withinColumns(values, XLSX_LIMITS.maxColumns).map(formulaText)
			}));
			sheets = [{ name: '', records }];
		}
	}
	const read = sheets.map(({ name, records, merged }) => ({
		name,
		...toSheet(records, limits, layout, merged)
	}));
	if (read.reduce((n, sheet) => n + sheet.rows.length, 0) > limits.maxRows)
		throw new SpreadsheetError('too_many_rows', { max: limits.maxRows });
	return { sheets: read, passedOver };
}

/**
 * What separates the cells of a .csv: a comma, unless its header is split by a tab (exam platforms
 * export tab-separated text as .csv) or a semicolon (Excel set to a language that writes decimals
 * with a comma saves CSV so, as do some exam systems): read at commas, such a file was one column
 * and refused for its missing columns. The header is the first of the top lines `isHeader` accepts
 * split at one of them (a comma tried first), its quoted cells read as CSV reads them; without
 * `isHeader`, or when it accepts none, the first non-empty line tells (see {@link separatorOf}).
 */
export function csvSeparator(
	text: string,
	isHeader?: (values: readonly string[]) => boolean
): Separator {
	// a header is short: its lines are read one by one, a quoted line break not followed
	const lines = text
		.slice(0, 64 * 1024)
		.split(/\r\n?|\n/)
		.filter((l) => l.trim());
	for (const line of isHeader ? lines.slice(0, HEADER_SEARCH_ROWS) : []) {
		const found = SEPARATORS.find(
			(sep) => line.includes(sep) && isHeader!(lineCells(line, sep).map((v) => v.trim()))
		);
		if (found) return found;
	}
	return separatorOf(lines[0] ?? '');
}

// `="…"`, a formula whose value is the text inside (its quotes doubled)
const FORMULA_TEXT = /^[ \t]*="((?:[^"]|"")*)"[ \t]*$/;

/**
 * A cell as Excel shows it when an exporting system wrote it as the formula `="000123"`, as exam
 * and HR systems export ids, 工号 and 身份证号 so that Excel keeps their zeros and digits: read as
 * written, every such 工号 was `="000123"` and every such 编号 a new question.
 */
function formulaText(value: string): string {
	const m = FORMULA_TEXT.exec(value);
	return m ? m[1]!.replaceAll('""', '"') : value;
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

/**
 * Whether the row below the header is a second header row, as under a merged 选项 cell spanning
 * A–D: right below it, a header itself, with names only where the header row has none or where a
 * merged cell starts (a name followed by blanks), and at least one where it has none.
 */
function isSubHeader(
	head: { line: number; values: string[] },
	next: { line: number; values: string[] },
	isHeader: (values: readonly string[]) => boolean
): boolean {
	if (next.line !== head.line + 1 || !isHeader(next.values)) return false;
	const blank = (i: number) => !head.values[i]?.trim();
	const named = next.values.flatMap((v, i) => (v.trim() === '' ? [] : [i]));
	return named.some(blank) && named.every((i) => blank(i) || blank(i + 1));
}

const nonEmpty = (r: { values: readonly string[] }) => r.values.some((v) => v.trim() !== '');

/** Where among the top non-empty `records` the header is, or -1. */
function headerAt(
	records: readonly { values: readonly string[] }[],
	isHeader: (values: readonly string[]) => boolean
): number {
	const top = records.filter(nonEmpty).slice(0, HEADER_SEARCH_ROWS);
	const found = top.findIndex((r) => isHeader(r.values));
	return found < 0 ? -1 : records.indexOf(top[found]!);
}

/**
 * Cells merged down a column below the header read as the value they show in every row they span:
 * a 题型 or 分值 merged over the rows of its section, which a sheet keeps in the top cell only (every
 * row below it was refused for its empty 题型). Across columns a merged cell is one cell: the
 * value stays in the first. A walk per column over the rows, however many ranges there are.
 */
function fillMerged(
	body: { line: number; values: string[] }[],
	merged: readonly MergedRange[],
	headerLine: number
): void {
	const byColumn = new Map<number, MergedRange[]>();
	for (const range of merged) {
		if (range.top <= headerLine || range.bottom <= range.top) continue;
		const list = byColumn.get(range.left) ?? [];
		if (list.length === 0) byColumn.set(range.left, list);
		list.push(range);
	}
	for (const [column, ranges] of byColumn) {
		ranges.sort((a, b) => a.top - b.top);
		let at = 0;
		let current: MergedRange | undefined;
		let shown = '';
		for (const row of body) {
			while (at < ranges.length && ranges[at]!.bottom < row.line) at++;
			const range = ranges[at];
			if (!range || range.top > row.line) continue;
			if (range !== current) {
				// its top row, unless that row was empty and is not read
				current = range;
				shown = row.line === range.top ? (row.values[column - 1] ?? '') : '';
			} else if (!row.values[column - 1]?.trim()) row.values[column - 1] = shown;
		}
	}
}

function toSheet(
	records: { line: number; values: string[] }[],
	limits: SheetLimits,
	layout: SheetLayout,
	merged: readonly MergedRange[] = []
): Sheet {
	const filled = records.filter(nonEmpty);
	const isHeader = layout.isHeader;
	const at = isHeader ? headerAt(filled, isHeader) : -1;
	let [head, ...body] = at > 0 ? filled.slice(at) : filled;
	if (!head) throw new SpreadsheetError('no_header');
	const sub = body[0];
	if (isHeader && sub && isSubHeader(head, sub, isHeader)) {
		// a header of two rows: the lower one names the columns a merged cell above spans
		head = { line: sub.line, values: head.values.map((h, i) => sub.values[i]?.trim() || h) };
		for (let i = head.values.length; i < sub.values.length; i++) head.values[i] = sub.values[i]!;
		body = body.slice(1);
	}
	if (body.length > limits.maxRows)
		throw new SpreadsheetError('too_many_rows', { max: limits.maxRows });
	fillMerged(body, merged, head.line);
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
