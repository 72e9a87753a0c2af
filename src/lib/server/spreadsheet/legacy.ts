/**
 * The old Excel files other exam and HR systems export, read with SheetJS (`@e965/xlsx`): a binary
 * .xls (BIFF8 from Excel 97–2003 and WPS, BIFF5 from older tools), an "导出Excel" that is an HTML
 * table named .xls, and an Excel 2003 XML spreadsheet (SpreadsheetML) named .xls. Refused with
 * "save it as .xlsx", each meant a round trip through Excel for the organiser; read here, they
 * come out as the records `readXlsxSheets` gives, the same pipeline reading them after.
 *
 * Why SheetJS: it is the maintained reader of BIFF (ExcelJS reads only .xlsx). Its `xlsx` package
 * on npm is stuck at 0.18.5 with prototype-pollution and ReDoS CVEs, fixed in 0.19.3+; `@e965/xlsx`
 * republishes 0.20.3 on npm. It holds a whole workbook in memory, so it reads only these formats
 * (an .xlsx streams through xlsx.ts), from files already under `maxBytes`, on the upload worker,
 * and is loaded there only when such a file comes.
 */
import type { CellObject, ParsingOptions, WorkBook, WorkSheet } from '@e965/xlsx';
import { decodeHTML } from 'entities';
import { isTangledOle } from './ole.ts';
import { SpreadsheetError } from './types.ts';
import {
	type MergedRange,
	type NumberFormat,
	type SheetRecord,
	type XlsxLimits,
	type XlsxReadOptions,
	type XlsxSheet,
	type XlsxSheets,
	ZH_DATE_CODES,
	isDateCode,
	numberText,
	pickSheets
} from './xlsx.ts';

type SheetJs = typeof import('@e965/xlsx');

let library: Promise<{ XLSX: SheetJs; builtIn: Record<number, string> }> | undefined;

/** SheetJS, with the code pages of BIFF5 text (GBK, 936) and its built-in number formats. */
function sheetJs() {
	library ??= (async () => {
		const [XLSX, codepages] = await Promise.all([
			import('@e965/xlsx'),
			import('@e965/xlsx/dist/cpexcel.full.mjs')
		]);
		XLSX.set_cptable(codepages);
		// with the built-in Chinese date formats (27–58) SheetJS's table leaves out; 14 stays its
		// m/d/yy, which an XML spreadsheet's Short Date is too: `formatOf` reads both as Excel shows it
		const builtIn = { ...XLSX.SSF.get_table(), ...ZH_DATE_CODES, 14: 'm/d/yy' };
		return { XLSX, builtIn };
	})();
	return library;
}

/** Rows a .xls (BIFF8) holds: a sheet longer than this (only a table in text can be) is refused. */
const MAX_ROWS = 65_536;
// More merged ranges than any sheet of questions has; past it, the rest are not read.
const MAX_MERGED = 10_000;
/**
 * Cells spanning rows or columns an HTML table may have: SheetJS looks through every span for
 * each cell, and again from the start each time one covers it, so a few hundred spans over many
 * rows took seconds. Far more than a roster with its units merged, or a bank with its 题型, has.
 * Every attribute whose name has `span` in it counts: SheetJS reads `x:rowspan=9`, `rowspan_x=9`
 * and `rowspan_<x=9` as spans, in any tag. A name is taken whole, from where it starts (`ATTRIBUTE`
 * matches only there): matched from each `span` on, a long word of them was gone through again
 * from each (300,000 `rowspan` in a cell held the worker for minutes).
 */
const MAX_SPANS = 100;
const ATTRIBUTE = /(?<![^\s"?>/=])([^\s"?>/=]+)\s*=/g;
/**
 * A span's value, right after its `=`, as SheetJS reads it: it must be a whole number, at most the
 * rows a sheet holds. SheetJS takes `colspan="0"` as a cell spanning no column, and a cell
 * spanning back (`colspan=-1`) and one spanning on send the cell below them from one to the other:
 * either held the upload worker for ever. An attribute's text (`title="time span=x"`) is checked
 * too: refusing that rare text is the price of never missing a span SheetJS reads.
 */
const SPAN_VALUE = / *(?:"([^"]*)"|'([^']*)'|([^\s"'>]*))/y;
/**
 * Rows (`<tr`, as SheetJS finds them: `<trx>` too) an HTML file may have beyond the records the
 * limits allow: its blank rows, a table of instructions above. Counted before SheetJS is asked,
 * so a table far too long is refused before it is parsed; and SheetJS's own cut at `sheetRows`,
 * which it makes without a word, is never reached.
 */
const ROW_SLACK = 1_000;
const ROW = /<tr/gi;
/**
 * Tables an HTML file may have: SheetJS makes each a sheet, and adding one looks through all the
 * sheets before it (10,000 tables took seconds). No export has more than a few.
 */
const MAX_TABLES = 50;
const TABLE = /<table/gi;
/** What SheetJS reads as an HTML table (see `parse_xlml_xml`): one of these in the first 1,024 characters, and no `<?xml`. */
const HTML_OPENINGS = ['html', 'table', 'head', 'meta', 'script', 'style', 'div'];
/**
 * An XML spreadsheet's column widths, of no use to an import: SheetJS copies a `<Column>` once
 * per column it spans, so `ss:Span="100000000"` in a few bytes took gigabytes. Taken out as
 * SheetJS finds a tag (any prefix, a `<` or `>` within quotes), and as it was before.
 */
const XML_COLUMN_TAG = /<\/?(?:[^\s?><!/:"]*:)?Column(?:\s+[^<>=?"'\s]+="[^"]*?")*\s*\/?>/gi;
const XML_COLUMN = /<\/?(?:[\w.-]+:)?Column\b[^<>]*>/gi;
/** Any `Span` left after (a `<Column>` written some other way): its value, as SheetJS reads it. */
const XML_SPAN = /Span\s*=\s*["']?\s*([^"'\s>/]*)/gi;
// more columns than an import reads: a span past it could only be a crafted file
const MAX_XML_SPAN = 256;
/**
 * A style's parent: SheetJS follows the chain from a cell's style up, and a chain that comes
 * back on itself (style a's parent b, b's parent a) never ends. Taken out, a style inheriting its
 * number format from its parent loses it (its cells read as General): only hand-written files do
 * this, as Excel writes each style's format in full. Matched only from where a name starts: from
 * every letter of a long word, each went through the rest of it (a cell of 300,000 letters held
 * the worker for minutes).
 */
const XML_PARENT = /(?<![^\s<>="'])[^\s<>="']*Parent\s*=\s*(?:"[^"]*"|'[^']*')/gi;
/**
 * Where a row or a cell is, and how far it is merged: SheetJS places a `<Cell ss:Index="-5">`
 * before column A (its text was left out without a word) and a `<Row ss:Index="-3">` above row 1
 * (read as row -3), and wraps `ss:MergeAcross="99999999999"` to a negative number. Each must be a
 * whole number within a sheet of Excel's (1,048,576 rows, 16,384 columns), as Excel writes them;
 * a row past the rows read is then refused as too many rows. Written as SheetJS reads them: the
 * name exactly so, with any prefix, its value quoted. One matched in the text of a cell cannot
 * hide one of a tag (its value would hold a quote and the tag): it is refused, being no number.
 */
const XML_PLACE = /\b(Index|MergeAcross|MergeDown)=(?:"([^"]*)"|'([^']*)')/g;
const XML_PLACE_RANGE: Record<string, [number, number]> = {
	Index: [1, 1_048_576],
	MergeAcross: [0, 16_383],
	MergeDown: [0, 1_048_575]
};

/**
 * An HTML entity: SheetJS decodes only `&nbsp; &middot; &quot; &apos; &gt; &lt; &amp;`, so the
 * `&ldquo;` `&times;` `&#39;` `&#34892;` Java's escapeHtml4 and ASP.NET's HtmlEncode write came
 * through as they were written.
 */
const ENTITY = /&(?:#\d{1,8}|#x[\da-f]{1,8}|[a-z][a-z\d]{1,31});/gi;
const SHEETJS_ENTITIES = new Set([
	'&nbsp;',
	'&middot;',
	'&quot;',
	'&apos;',
	'&gt;',
	'&lt;',
	'&amp;'
]);
// what an entity must stay written as, for SheetJS to read the tags and attributes as they were
const KEPT_ESCAPED: Record<string, string> = {
	'<': '&lt;',
	'>': '&gt;',
	'&': '&amp;',
	'"': '&quot;',
	"'": '&apos;'
};

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What SheetJS may do: read values and number formats, nothing else (no formulas, HTML, macros). */
const READ_OPTIONS: ParsingOptions = {
	dense: true,
	cellFormula: false,
	cellHTML: false,
	cellNF: true,
	cellText: false,
	cellStyles: false,
	cellDates: false,
	sheetStubs: false,
	bookVBA: false,
	bookFiles: false,
	bookDeps: false,
	bookProps: false,
	// a binary .xls or an XML spreadsheet cut here says so (`!fullref`) and is refused; an HTML
	// table is cut without a word, but it never gets here: its rows were counted first (`ROW`)
	sheetRows: MAX_ROWS + 1,
	WTF: false
};

/**
 * Reads the visible sheets of an old workbook that `options` asks for (see `readXlsxSheets`):
 * `input` is the bytes of a binary .xls, or the text of an HTML table or an XML spreadsheet. A
 * number reads as the .xlsx reader reads it (its cached value for a formula), from the same
 * number format codes; a table in HTML reads as its cells show their text, as a CSV does.
 * @throws SpreadsheetError `unreadable`, `too_many_rows`, `too_many_columns`, `no_header`
 */
export async function readLegacySheets(
	input: Uint8Array | string,
	limits: XlsxLimits,
	options: XlsxReadOptions = {}
): Promise<XlsxSheets> {
	const { XLSX, builtIn } = await sheetJs();
	const text = typeof input === 'string';
	// SheetJS reads what it does not know as text: a file cut within its OLE signature was a CSV
	if (!text && !OLE_SIGNATURE.every((b, i) => input[i] === b)) {
		throw new SpreadsheetError('unreadable');
	}
	// SheetJS would follow a chain of its sectors or its directory for ever, or copy them over and over
	if (!text && isTangledOle(input)) throw new SpreadsheetError('unreadable');
	// checked before the table of formats is touched: a refusal leaves it as it was
	const markup = text ? checkedMarkup(input, limits) : '';
	let book: WorkBook;
	try {
		// a file's own formats stay in SheetJS's table after it (the table is one per process)
		const table = XLSX.SSF.get_table();
		for (const id of Object.keys(table)) delete table[Number(id)];
		XLSX.SSF.load_table(builtIn);
		book = text
			? XLSX.read(markup, {
					...READ_OPTIONS,
					type: 'string',
					raw: true
				})
			: XLSX.read(Buffer.from(input.buffer, input.byteOffset, input.byteLength), {
					...READ_OPTIONS,
					type: 'buffer'
				});
	} catch {
		throw new SpreadsheetError('unreadable');
	}
	// a file of the OLE kind that holds no workbook (a Word document, a damaged .xls)
	if (book.SheetNames.length === 0) throw new SpreadsheetError('unreadable');
	const hidden = book.Workbook?.Sheets ?? [];
	const visible = book.SheetNames.filter((_, i) => !hidden[i]?.Hidden);
	if (visible.length === 0) throw new SpreadsheetError('no_header');
	const ctx = {
		date1904: Boolean(book.Workbook?.WBProps?.date1904),
		asShown: options.asShown ?? false
	};
	const budget = { left: limits.maxTotalRecords ?? Infinity };
	return pickSheets(
		visible,
		async (name) => sheetOf(name, book.Sheets[name], ctx, limits, budget),
		options
	);
}

/**
 * The text SheetJS is given, refused when reading it would hold the upload worker: checked on
 * that very text, so that what is counted is what SheetJS reads.
 */
function checkedMarkup(input: string, limits: XlsxLimits): string {
	let markup = withoutComments(input)
		.replace(XML_COLUMN_TAG, '')
		.replace(XML_COLUMN, '')
		.trimStart();
	const html = readsAsHtml(markup);
	if (html) {
		// before counting: `rowspan&#61;9` is a span once decoded
		markup = decodeEntities(markup);
		checkSpans(markup);
		if ((markup.match(TABLE)?.length ?? 0) > MAX_TABLES) throw new SpreadsheetError('unreadable');
		const rows = markup.match(ROW)?.length ?? 0;
		if (rows > (limits.maxTotalRecords ?? limits.maxRecords) + ROW_SLACK) {
			throw new SpreadsheetError('too_many_rows', { max: limits.maxRecords - 1 });
		}
	} else {
		markup = markup.replace(XML_PARENT, '');
		for (const [, value] of markup.matchAll(XML_SPAN)) {
			if (!/^\d+$/.test(value!) || Number(value) > MAX_XML_SPAN) {
				throw new SpreadsheetError('unreadable');
			}
		}
		for (const [, name, double, single] of markup.matchAll(XML_PLACE)) {
			const value = double ?? single!;
			const [min, max] = XML_PLACE_RANGE[name!]!;
			if (!/^\d{1,7}$/.test(value) || Number(value) < min || Number(value) > max) {
				throw new SpreadsheetError('unreadable');
			}
		}
	}
	// SheetJS picks its reader by the opening of the text: one not starting with `<` (a
	// `<table:Column>` taken out above leaves what followed it) went to its readers of CSV, SYLK,
	// DIF…, and so did one with a `,` or `;` before its first `>` (`<table style='width:100%;'>`
	// was read as CSV, a line of a million cells as a million cells). Opened here as what it was
	// checked as, it is read as that.
	markup = `${html ? '<html>' : '<?xml version="1.0"?>'}${markup}`;
	// what was taken out must not make SheetJS read it otherwise than it was checked, nor leave
	// a comment it would take out again, joining what was around it (`<!<!---->-- -->`)
	if (readerOf(markup) !== (html ? 'html' : 'xml') || markup.includes('<!--')) {
		throw new SpreadsheetError('unreadable');
	}
	return markup;
}

/** Refuses an HTML file of more spans than `MAX_SPANS`, or of one not a whole number (see `SPAN_VALUE`). */
function checkSpans(markup: string): void {
	let spans = 0;
	for (const attribute of markup.matchAll(ATTRIBUTE)) {
		if (!/span/i.test(attribute[1]!)) continue;
		SPAN_VALUE.lastIndex = attribute.index + attribute[0].length;
		const [, double, single, bare] = SPAN_VALUE.exec(markup)!;
		const value = (double ?? single ?? bare!).trim();
		if (++spans > MAX_SPANS || !/^\d{1,5}$/.test(value)) throw new SpreadsheetError('unreadable');
		if (Number(value) < 1 || Number(value) > MAX_ROWS) throw new SpreadsheetError('unreadable');
	}
}

/**
 * The text without its comments, as SheetJS takes them out before it reads a table or an XML
 * spreadsheet (everything after a `<!--` never closed goes too): a `rowspan` split by a comment
 * (`row<!---->span`) is counted as SheetJS reads it.
 */
function withoutComments(text: string): string {
	const parts: string[] = [];
	let from = 0;
	for (;;) {
		const start = text.indexOf('<!--', from);
		if (start < 0) break;
		parts.push(text.slice(from, start));
		const end = text.indexOf('-->', start + 4);
		if (end < 0) return parts.join('');
		from = end + 3;
	}
	parts.push(text.slice(from));
	return parts.join('');
}

/**
 * HTML's entities decoded, but those SheetJS decodes itself (`&nbsp;` reads as a space) and
 * those that would then read as markup (`&#60;` stays `&lt;`, which SheetJS decodes in a cell).
 */
function decodeEntities(text: string): string {
	return text.replace(ENTITY, (entity) => {
		if (SHEETJS_ENTITIES.has(entity.toLowerCase())) return entity;
		const decoded = decodeHTML(entity);
		return KEPT_ESCAPED[decoded] ?? decoded;
	});
}

/** The opening SheetJS decides by (see `parse_xlml_xml`): lower case, quoted text left out. */
const openingOf = (text: string) => text.slice(0, 1024).toLowerCase().replace(/".*?"/g, '');

/** Whether SheetJS reads a text as HTML: as it decides, quoted text left out of its opening. */
function readsAsHtml(text: string): boolean {
	const opening = openingOf(text);
	return !opening.includes('<?xml') && HTML_OPENINGS.some((tag) => opening.includes(`<${tag}`));
}

/**
 * Which of its readers SheetJS gives a text to (`readSync`, then `parse_xlml_xml`): 'other' for
 * its readers of CSV, SYLK and the like, none of whose work is bounded here.
 */
function readerOf(text: string): 'html' | 'xml' | 'other' {
	const opening = openingOf(text);
	// as SheetJS compares them: a character not there is at 1,023
	const at = (c: string) => opening.indexOf(c) & 1023;
	if (!text.startsWith('<') || at('>') > Math.min(at(','), at(';'))) return 'other';
	return readsAsHtml(text) ? 'html' : 'xml';
}

/** A sheet's non-empty rows, by their row numbers, and its merged cells. */
function sheetOf(
	name: string,
	sheet: WorkSheet | undefined,
	ctx: { date1904: boolean; asShown: boolean },
	limits: XlsxLimits,
	budget: { left: number }
): XlsxSheet {
	const records: SheetRecord[] = [];
	const tooMany = () => new SpreadsheetError('too_many_rows', { max: limits.maxRecords - 1 });
	// cut at `sheetRows`: more rows than a workbook holds
	if (!sheet || sheet['!fullref']) {
		if (sheet) throw tooMany();
		return { name, records, merged: [] };
	}
	const data: CellObject[][] = sheet['!data'] ?? [];
	// by the indices there are: a cell placed at row or column 1,000,000,000 is one entry
	for (const r of Object.keys(data)) {
		const row = data[Number(r)]!;
		const values: string[] = [];
		for (const c of Object.keys(row)) {
			const text = cellText(row[Number(c)], ctx);
			if (text === '') continue;
			if (Number(c) >= limits.maxColumns) {
				throw new SpreadsheetError('too_many_columns', { max: limits.maxColumns });
			}
			values[Number(c)] = text;
		}
		if (!values.some((v) => v !== undefined && v.trim() !== '')) continue;
		if (records.length >= limits.maxRecords || budget.left <= 0) throw tooMany();
		budget.left--;
		records.push({ line: Number(r) + 1, values: Array.from(values, (v) => v ?? '') });
	}
	const merged: MergedRange[] = (sheet['!merges'] ?? []).slice(0, MAX_MERGED).map((m) => ({
		top: m.s.r + 1,
		left: m.s.c + 1,
		bottom: m.e.r + 1,
		right: m.e.c + 1
	}));
	return { name, records, merged };
}

/** A cell's text, as xlsx.ts reads the same cell of an .xlsx. */
function cellText(
	cell: CellObject | undefined,
	ctx: { date1904: boolean; asShown: boolean }
): string {
	if (!cell) return '';
	switch (cell.t) {
		case 's':
			return typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
		case 'n':
			return typeof cell.v === 'number' && Number.isFinite(cell.v)
				? numberText(cell.v, formatOf(cell.z), ctx)
				: '';
		case 'b':
			return cell.v ? 'true' : 'false';
		default:
			// errors (#N/A) read as empty, as in an .xlsx
			return '';
	}
}

/**
 * A cell's number format from its code. SheetJS gives the built-in date format 14 as `m/d/yy`,
 * which a Chinese Excel shows as `yyyy/m/d`, as the .xlsx reader reads it.
 */
function formatOf(z: unknown): NumberFormat | undefined {
	if (typeof z !== 'string') return undefined;
	const code = z === 'm/d/yy' ? ZH_DATE_CODES[14]! : z;
	const general = /^general$/i.test(code);
	return { code: general ? '' : code, date: !general && isDateCode(code), general };
}
