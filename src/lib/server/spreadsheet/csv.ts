import { SpreadsheetError } from './types.ts';
import type { SheetRecord } from './xlsx.ts';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const [QUOTE, CR, LF] = [0x22, 0x0d, 0x0a];

/**
 * What separates the fields of a record: a comma in CSV, a tab in the text Excel saves as
 * "Unicode 文本" or "文本文件(制表符分隔)" (people choose it when their CSV shows garbled Chinese),
 * a semicolon in the CSV of an Excel set to a language that writes decimals with a comma.
 */
export type Separator = ',' | '\t' | ';';

/** The separators a table saved as text may use, in the order a tie is settled. */
export const SEPARATORS: readonly Separator[] = [',', '\t', ';'];

/**
 * A line's cells between `separator`s, a cell in double quotes as CSV writes it (`"题型","题干"`,
 * `"A,C"`, `"甲;乙"`) without its quotes, a doubled quote inside one as one quote. For telling a
 * header and its separator: a cell's line break is not followed.
 */
export function lineCells(line: string, separator: Separator): string[] {
	const cells: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i]!;
		if (quoted) {
			if (c !== '"') cell += c;
			else if (line[i + 1] === '"') cell += line[++i];
			else quoted = false;
		} else if (c === '"' && cell.trim() === '') {
			quoted = true;
			cell = '';
		} else if (c === separator) {
			cells.push(cell);
			cell = '';
		} else cell += c;
	}
	cells.push(cell);
	return cells;
}

/**
 * The separator of a line of cells: the one it has most of outside quotes, a comma on a tie. Not
 * "commas if it has any": Excel quotes only the cells that hold its own separator, so a semicolon
 * file's texts keep their commas bare (`题号;题干;备注` over `1;甲,乙,丙;…`), and a tab file's too.
 */
export function separatorOf(line: string): Separator {
	let best: Separator = ',';
	let most = 0;
	for (const sep of SEPARATORS) {
		const count = line.includes(sep) ? lineCells(line, sep).length - 1 : 0;
		if (count > most) [best, most] = [sep, count];
	}
	return best;
}

/**
 * Decodes CSV (or other uploaded text) bytes. UTF-16 when they start with its byte-order mark, as
 * Notepad's "Unicode" and Excel's "Unicode 文本" save (their ASCII bytes alternate with zeros, which
 * are valid UTF-8: read as UTF-8 or GB18030 such a file became garbage, silently). Otherwise UTF-8
 * (with or without a byte-order mark) when the bytes are valid UTF-8; otherwise GB18030, a
 * superset of GBK, which is what Excel on a Chinese Windows writes for "CSV (逗号分隔)". Valid GBK
 * text with Chinese characters is almost never valid UTF-8, so trying UTF-8 strictly first is a
 * reliable test.
 */
export function decodeCsv(bytes: Uint8Array): string {
	if (UTF8_BOM.every((b, i) => bytes[i] === b)) {
		return new TextDecoder('utf-8').decode(bytes.subarray(3));
	}
	if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		return new TextDecoder('utf-16le').decode(bytes.subarray(2));
	}
	if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		return new TextDecoder('utf-16be').decode(bytes.subarray(2));
	}
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return new TextDecoder('gb18030').decode(bytes);
	}
}

/**
 * Splits CSV text into records of fields after RFC 4180: fields separated by commas (or tabs, as
 * `separator` says), records by
 * CRLF, LF or CR; a quoted field may hold commas, line breaks and doubled quotes. A quote inside an
 * unquoted field is kept as text, as Excel does. Every record is kept, blank ones included, so that
 * the index of a record plus one is the row number a spreadsheet program shows.
 *
 * Why not exceljs's CSV reader: it turns numbers and dates into values (工号 "000123" would lose its
 * zeros), reads through Node streams and knows only UTF-8; we have already decoded the text.
 */
export function parseCsv(text: string, separator: Separator = ','): string[][] {
	const records: string[][] = [];
	scanCsv(text, separator, (values) => records.push(values));
	return records;
}

/**
 * The non-empty records of CSV text with their row numbers, as an .xlsx is read: records of empty
 * cells only are dropped as they are read (5 MB of line breaks would otherwise be five million
 * records held at once), and more than `maxRecords` non-empty records stop the reading.
 * @throws SpreadsheetError `too_many_rows` (with `max`: the data rows, `maxRecords - 1`), `unclosed_quote`
 */
export function csvRecords(
	text: string,
	maxRecords: number,
	separator: Separator = ','
): SheetRecord[] {
	const records: SheetRecord[] = [];
	scanCsv(text, separator, (values, line) => {
		if (values.every((v) => v.trim() === '')) return;
		if (records.length >= maxRecords) {
			throw new SpreadsheetError('too_many_rows', { max: maxRecords - 1 });
		}
		records.push({ line, values });
	});
	return records;
}

/** Reads CSV text record by record (see {@link parseCsv}), each with its 1-based row number. */
function scanCsv(
	text: string,
	separator: Separator,
	emit: (values: string[], line: number) => void
): void {
	const sep = separator.charCodeAt(0);
	let record: string[] = [];
	let field = '';
	let i = 0;
	let line = 1;
	const endField = () => {
		record.push(field);
		field = '';
	};
	const endRecord = () => {
		endField();
		emit(record, line);
		record = [];
		line++;
	};
	const n = text.length;
	// Scans by character code and appends slices: a 5 MB file in milliseconds, not seconds.
	while (i < n) {
		const c = text.charCodeAt(i);
		if (c === QUOTE && field === '') {
			// a quoted field: read to the closing quote
			const start = line;
			i++;
			for (;;) {
				const q = text.indexOf('"', i);
				if (q < 0) throw new SpreadsheetError('unclosed_quote', { line: start });
				field += text.slice(i, q);
				if (text.charCodeAt(q + 1) === QUOTE) {
					field += '"';
					i = q + 2;
					continue;
				}
				i = q + 1;
				break;
			}
			// text after the closing quote (malformed, but Excel keeps it): read on as unquoted
			continue;
		}
		if (c === sep) {
			endField();
			i++;
		} else if (c === CR || c === LF) {
			endRecord();
			i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
		} else {
			let j = i + 1;
			while (j < n) {
				const d = text.charCodeAt(j);
				if (d === sep || d === CR || d === LF) break;
				j++;
			}
			field += text.slice(i, j);
			i = j;
		}
	}
	// the last record, unless the text ended with a line break
	if (field !== '' || record.length > 0) endRecord();
}
