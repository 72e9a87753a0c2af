import { SpreadsheetError } from './types.ts';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Decodes CSV bytes. UTF-8 (with or without a byte-order mark) when the bytes are valid UTF-8;
 * otherwise GB18030, a superset of GBK, which is what Excel on a Chinese Windows writes for
 * "CSV (逗号分隔)". Valid GBK text with Chinese characters is almost never valid UTF-8, so trying
 * UTF-8 strictly first is a reliable test.
 */
export function decodeCsv(bytes: Uint8Array): string {
	if (UTF8_BOM.every((b, i) => bytes[i] === b)) {
		return new TextDecoder('utf-8').decode(bytes.subarray(3));
	}
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return new TextDecoder('gb18030').decode(bytes);
	}
}

/**
 * Splits CSV text into records of fields after RFC 4180: fields separated by commas, records by
 * CRLF, LF or CR; a quoted field may hold commas, line breaks and doubled quotes. A quote inside an
 * unquoted field is kept as text, as Excel does. Every record is kept, blank ones included, so that
 * the index of a record plus one is the row number a spreadsheet program shows.
 *
 * Why not exceljs's CSV reader: it turns numbers and dates into values (工号 "000123" would lose its
 * zeros), reads through Node streams and knows only UTF-8; we have already decoded the text.
 */
export function parseCsv(text: string): string[][] {
	const records: string[][] = [];
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
		records.push(record);
		record = [];
		line++;
	};
	while (i < text.length) {
		const c = text[i]!;
		if (c === '"' && field === '') {
			// a quoted field: read to the closing quote
			const start = line;
			i++;
			for (;;) {
				if (i >= text.length) throw new SpreadsheetError('unclosed_quote', { line: start });
				const q = text[i]!;
				if (q === '"') {
					if (text[i + 1] === '"') {
						field += '"';
						i += 2;
						continue;
					}
					i++;
					break;
				}
				field += q;
				i++;
			}
			// text after the closing quote (malformed, but Excel keeps it): read on as unquoted
			continue;
		}
		if (c === ',') {
			endField();
			i++;
		} else if (c === '\r' || c === '\n') {
			endRecord();
			i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
		} else {
			field += c;
			i++;
		}
	}
	// the last record, unless the text ended with a line break
	if (field !== '' || record.length > 0) endRecord();
	return records;
}
