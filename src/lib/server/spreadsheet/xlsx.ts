import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';
import { EXCEL_ROUNDED_MARK } from '@xuefa/core';
import { shownNumber } from './number-format.ts';
import { SpreadsheetError } from './types.ts';

/** What an .xlsx may cost to read, whatever its entries declare. */
export interface XlsxLimits {
	/** Bytes inflated from the archive, all entries together, counted as they stream. */
	maxUnzippedBytes: number;
	/** Non-empty rows of each sheet read, the header included. */
	maxRecords: number;
	/** Non-empty rows of all the sheets read together (default: no more than `maxRecords` each). */
	maxTotalRecords?: number;
	/** The rightmost column a non-empty cell may be in. */
	maxColumns: number;
}

/** Far above any real roster or question workbook of 5,000 rows, far below what hurts the server. */
export const XLSX_LIMITS: XlsxLimits = {
	maxUnzippedBytes: 64 * 1024 * 1024,
	maxRecords: 5001,
	maxColumns: 200
};
const MAX_ENTRIES = 2000;
// Row numbers beyond Excel's own last row come only from crafted files.
const EXCEL_MAX_ROWS = 1_048_576;

export interface SheetRecord {
	line: number;
	values: string[];
}

/** A range of merged cells, by 1-based rows and columns: only its top-left cell holds the value. */
export interface MergedRange {
	top: number;
	left: number;
	bottom: number;
	right: number;
}

/** One worksheet of a workbook: its name on the tab, its non-empty rows, its merged cells. */
export interface XlsxSheet {
	name: string;
	records: SheetRecord[];
	merged: MergedRange[];
}

/** The sheets read, and the names of the visible sheets with rows that `accept` passed over. */
export interface XlsxSheets {
	sheets: XlsxSheet[];
	passedOver: string[];
}

/**
 * Reads the first visible worksheet of an .xlsx (or the first that `options.accept` takes) as the
 * text of its cells: {@link readXlsxSheets} with `all` unset.
 * @throws SpreadsheetError `unreadable`, `too_large_unzipped`, `too_many_rows`, `too_many_columns`
 */
export async function readXlsxRecords(
	bytes: Uint8Array,
	limits: XlsxLimits = XLSX_LIMITS,
	options: Omit<XlsxReadOptions, 'all'> = {}
): Promise<SheetRecord[]> {
	const { sheets } = await readXlsxSheets(bytes, limits, options);
	return sheets[0]!.records;
}

/** How {@link readXlsxSheets} picks and reads sheets. */
export interface XlsxReadOptions {
	/** Dates and long numbers as their cells show them (see `SheetLayout.asShown`). */
	asShown?: boolean;
	/**
	 * Whether a sheet's rows are the ones wanted. When the first sheet's are not (a sheet of
	 * instructions before the questions, as some platforms' templates have), the next visible
	 * sheets are read in turn and the first accepted is the answer; when none is, the first.
	 */
	accept?: (records: readonly SheetRecord[]) => boolean;
	/**
	 * Every visible sheet `accept` takes, in the workbook's order, rather than the first: a
	 * workbook of one sheet per question type (单选题, 多选题, 判断题) is read whole.
	 */
	all?: boolean;
}

/**
 * Reads the visible worksheets of an .xlsx that `options` asks for (at least one) as the text of
 * their cells, streaming: every entry is inflated through one counter that stops at
 * `maxUnzippedBytes` (a crafted archive may declare tiny sizes and unpack to gigabytes), and each
 * sheet stops at `maxRecords` rows or `maxColumns` columns. Memory stays bounded by the limits,
 * time grows linearly with the bytes inflated.
 *
 * Dates read as YYYY-MM-DD, or with `asShown` as their format shows them when it is one of
 * years, months and days (2021年7月15日, 2021/7/15), as question texts are; with `asShown` a
 * number reads as its format shows it, one of 16 digits or more marked (see `shownAs`).
 *
 * Why not ExcelJS: its reader inflates and holds the whole workbook (a 1 MB bomb took 1.3 GB) and
 * cannot be stopped part-way; yauzl (zip) and saxes (streaming XML) are the pieces it is built on.
 * @throws SpreadsheetError `unreadable`, `too_large_unzipped`, `too_many_rows`, `too_many_columns`
 */
export async function readXlsxSheets(
	bytes: Uint8Array,
	limits: XlsxLimits = XLSX_LIMITS,
	options: XlsxReadOptions = {}
): Promise<XlsxSheets> {
	const zip = await openZip(bytes);
	try {
		const entries = await listEntries(zip);
		let inflated = 0;
		const stream = async (name: string, onText: (chunk: string) => void): Promise<boolean> => {
			const entry = entries.get(name);
			if (!entry) return false;
			const input = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
				zip.openReadStream(entry, (e, s) => (e || !s ? reject(e ?? new Error('zip')) : resolve(s)))
			);
			const decoder = new TextDecoder('utf-8');
			for await (const chunk of input as AsyncIterable<Buffer>) {
				inflated += chunk.length;
				if (inflated > limits.maxUnzippedBytes) {
					(input as NodeJS.ReadableStream & { destroy(): void }).destroy();
					throw new SpreadsheetError('too_large_unzipped', {
						mb: Math.floor(limits.maxUnzippedBytes / 1024 / 1024)
					});
				}
				onText(decoder.decode(chunk, { stream: true }));
			}
			onText(decoder.decode());
			return true;
		};
		const workbook = await readWorkbook(stream);
		const visible = workbook.sheets.filter((sheet) => !sheet.hidden);
		if (visible.length === 0) throw new SpreadsheetError('no_header');
		const strings = await readSharedStrings(stream);
		const styles = await readStyles(stream);
		const budget = { left: limits.maxTotalRecords ?? Infinity };
		const read = async ({ path, name }: { path: string; name: string }): Promise<XlsxSheet> => {
			const records: SheetRecord[] = [];
			const merged: MergedRange[] = [];
			const found = await stream(
				path,
				sheetReader(
					records,
					merged,
					{
						strings,
						styles,
						date1904: workbook.date1904,
						asShown: options.asShown ?? false
					},
					limits,
					budget
				)
			);
			if (!found) throw new SpreadsheetError('unreadable');
			return { name, records, merged };
		};
		return await pickSheets(visible, read, options);
	} catch (e) {
		if (e instanceof SpreadsheetError) throw e;
		throw new SpreadsheetError('unreadable');
	} finally {
		zip.close();
	}
}

/**
 * The visible sheets `options` asks for, read in the workbook's order by `read`: the first, or
 * the first that `options.accept` takes (every one it takes with `options.all`), with the names of
 * those with rows it passed over. Sheets after the one wanted are not read.
 */
export async function pickSheets<S>(
	visible: readonly S[],
	read: (sheet: S) => Promise<XlsxSheet>,
	options: XlsxReadOptions
): Promise<XlsxSheets> {
	const first = await read(visible[0]!);
	const accept = options.accept;
	if (!accept) return { sheets: [first], passedOver: [] };
	const taken = accept(first.records) ? [first] : [];
	const passedOver = taken.length > 0 || first.records.length === 0 ? [] : [first.name];
	for (const sheet of visible.slice(1)) {
		if (taken.length > 0 && !options.all) break;
		const next = await read(sheet);
		if (accept(next.records)) taken.push(next);
		else if (next.records.length > 0) passedOver.push(next.name);
	}
	return taken.length > 0
		? { sheets: taken, passedOver }
		: { sheets: [first], passedOver: passedOver.filter((name) => name !== first.name) };
}

type Stream = (name: string, onText: (chunk: string) => void) => Promise<boolean>;

function openZip(bytes: Uint8Array): Promise<yauzl.ZipFile> {
	return new Promise((resolve, reject) =>
		// sizes are checked by counting what comes out, not by trusting what the entries declare
		yauzl.fromBuffer(
			Buffer.from(bytes),
			{ lazyEntries: true, validateEntrySizes: false },
			(e, zip) => (e || !zip ? reject(new SpreadsheetError('unreadable')) : resolve(zip))
		)
	);
}

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
	return new Promise((resolve, reject) => {
		const entries = new Map<string, yauzl.Entry>();
		zip.on('entry', (entry: yauzl.Entry) => {
			entries.set(entry.fileName, entry);
			if (entries.size > MAX_ENTRIES) reject(new SpreadsheetError('unreadable'));
			else zip.readEntry();
		});
		zip.on('end', () => resolve(entries));
		zip.on('error', () => reject(new SpreadsheetError('unreadable')));
		zip.readEntry();
	});
}

/**
 * Deeper than any element of a workbook's parts: a cell's rich text is seven levels down. The
 * parser keeps every open element, so a few KB of archive nesting a million elements took seconds
 * and hundreds of MB to read, however little text they held.
 */
const MAX_DEPTH = 64;

/** An XML reader fed chunk by chunk; what a handler throws comes out of the feeding call. */
function xml(handlers: {
	open?: (tag: SaxesTagPlain) => void;
	close?: (name: string) => void;
	text?: (text: string) => void;
}): (chunk: string) => void {
	const parser = new SaxesParser();
	parser.on('error', (e) => {
		throw e;
	});
	let depth = 0;
	const { open, close } = handlers;
	parser.on('opentag', (tag) => {
		if (++depth > MAX_DEPTH) throw new SpreadsheetError('unreadable');
		open?.(tag);
	});
	// a self-closing element is closed at once
	parser.on('closetag', (tag) => {
		depth--;
		close?.(tag.name);
	});
	if (handlers.text) parser.on('text', handlers.text);
	return (chunk) => {
		if (chunk) parser.write(chunk);
	};
}

/** Local name of a tag (`x:row` → `row`): some writers use a namespace prefix. */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** The workbook's sheets in their order (their parts, names, whether hidden), and its date system. */
async function readWorkbook(stream: Stream) {
	const listed: { rel: string; name: string; hidden: boolean }[] = [];
	let date1904 = false;
	await stream(
		'xl/workbook.xml',
		xml({
			open(tag) {
				const name = local(tag.name);
				if (name === 'sheet') {
					const state = tag.attributes.state;
					listed.push({
						rel: tag.attributes['r:id'] ?? '',
						name: tag.attributes.name ?? '',
						hidden: state === 'hidden' || state === 'veryHidden'
					});
				} else if (name === 'workbookPr') {
					const v = tag.attributes.date1904;
					date1904 = v === '1' || v === 'true';
				}
			}
		})
	);
	const paths = new Map<string, string>();
	await stream(
		'xl/_rels/workbook.xml.rels',
		xml({
			open(tag) {
				if (local(tag.name) !== 'Relationship') return;
				const target = tag.attributes.Target ?? '';
				paths.set(
					tag.attributes.Id ?? '',
					target.startsWith('/') ? target.slice(1) : `xl/${target}`
				);
			}
		})
	);
	const sheets = listed.flatMap(({ rel, name, hidden }) => {
		const path = paths.get(rel);
		return path ? [{ path, name, hidden }] : [];
	});
	return { sheets, date1904 };
}

/**
 * A text as it was typed: Excel writes characters XML cannot hold as `_xHHHH_` (a carriage return,
 * as in text pasted from Word, is `_x000D_`) and a typed `_x` as `_x005F_x` (ECMA-376 §22.9.2.19,
 * ST_Xstring). Left as they were, the escapes showed in question stems and options.
 */
function unescapeXstring(text: string): string {
	return text.includes('_x')
		? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
				String.fromCharCode(parseInt(hex, 16))
			)
		: text;
}

/** The shared strings: each `<si>` is the text of its `<t>` runs (phonetic guides left out). */
async function readSharedStrings(stream: Stream): Promise<string[]> {
	const strings: string[] = [];
	let current: string[] | null = null;
	let inText = false;
	let phonetic = 0;
	await stream(
		'xl/sharedStrings.xml',
		xml({
			open(tag) {
				const name = local(tag.name);
				if (name === 'si') current = [];
				else if (name === 'rPh') phonetic++;
				else if (name === 't') inText = phonetic === 0;
			},
			close(name) {
				const n = local(name);
				if (n === 'si') {
					strings.push(unescapeXstring(current?.join('') ?? ''));
					current = null;
				} else if (n === 'rPh') phonetic--;
				else if (n === 't') inText = false;
			},
			text(t) {
				if (inText && current) current.push(t);
			}
		})
	);
	return strings;
}

// Built-in number formats that show dates (ECMA-376 §18.8.30, plus the CJK date formats).
const DATE_FORMAT_IDS = new Set([
	14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58
]);

// Built-in number formats whose code a file does not spell out, other than dates (ECMA-376 §18.8.30).
// Excel's "数值" format with no decimals is 1 (`0`), as an id column is often given.
const BUILT_IN_CODES: Record<number, string> = {
	1: '0',
	2: '0.00',
	3: '#,##0',
	4: '#,##0.00',
	9: '0%',
	10: '0.00%',
	11: '0.00E+00',
	37: '#,##0 ;(#,##0)',
	38: '#,##0 ;[Red](#,##0)',
	39: '#,##0.00;(#,##0.00)',
	40: '#,##0.00;[Red](#,##0.00)',
	49: '@'
};

// The built-in date formats as a Chinese (zh-CN) Excel shows them (ECMA-376 §18.8.30).
const YM = 'yyyy"年"m"月"';
const MD = 'm"月"d"日"';
export const ZH_DATE_CODES: Record<number, string> = {
	14: 'yyyy/m/d',
	27: YM,
	28: MD,
	29: MD,
	31: 'yyyy"年"m"月"d"日"',
	36: YM,
	50: YM,
	51: MD,
	52: YM,
	53: MD,
	54: MD,
	57: YM,
	58: MD
};

/**
 * A date as its format shows it (`yyyy"年"m"月"d"日"` → 2021年7月15日), for a format of years,
 * months and days only; undefined for any other (times, eras, colours …).
 */
export function shownDate(iso: string, code: string): string | undefined {
	const [y = '', m = '', d = ''] = iso.split('-');
	const first = code.split(';')[0] ?? '';
	let out = '';
	for (let i = 0; i < first.length;) {
		const c = first[i]!;
		if (c === '"') {
			const end = first.indexOf('"', i + 1);
			if (end < 0) return undefined;
			out += first.slice(i + 1, end);
			i = end + 1;
		} else if (c === '\\') {
			out += first[i + 1] ?? '';
			i += 2;
		} else if (/[ymd]/i.test(c)) {
			let j = i;
			while (first[j]?.toLowerCase() === c.toLowerCase()) j++;
			const n = j - i;
			const part = /y/i.test(c) ? (n <= 2 ? y.slice(-2) : y) : /m/i.test(c) ? m : d;
			if (!/y/i.test(c) && n > 2) return undefined; // month and day names
			out += /y/i.test(c) || n === 2 ? part : String(Number(part));
			i = j;
		} else if (/[a-z[@]/i.test(c)) return undefined;
		else {
			out += c;
			i++;
		}
	}
	return out || undefined;
}

/**
 * A cell's number format: its code ('' for General; a built-in date format's code as a Chinese
 * Excel shows it), whether it shows a date, whether it is General.
 */
export interface NumberFormat {
	code: string;
	date: boolean;
	general: boolean;
}

interface Styles {
	/** Per cell style index. */
	formats: NumberFormat[];
}

/** Whether a number is an integer longer than the 15 digits Excel keeps: its last digits are 0s. */
function isPastPrecision(n: number): boolean {
	return Number.isInteger(n) && Math.abs(n) >= 1e15;
}

/**
 * A number as a General cell shows it in scientific notation: 6 significant digits, `E+` and two
 * digits or more (`1.23457E+17`, `1E+15`). Excel keeps 15 digits, so an 18-digit 编号 or answer
 * typed into a General cell lost its last ones as it was typed: read as `123456789012345000` it was
 * silently another number; as Excel shows it, the importer refuses it and says why.
 */
export function shownLongNumber(n: number): string {
	const [mantissa, exponent] = n.toExponential(5).split('e') as [string, string];
	const digits = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
	const power = Number(exponent);
	return `${digits}E${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
}

/**
 * A number as its cell shows it, for `asShown`: in a General cell (or a Text one, which shows a
 * number as General does) a number past Excel's 15 digits in scientific notation, as Excel shows
 * it; in a cell of another number format what that format shows (see {@link shownNumber}), a
 * number past the 15 digits marked as rounded ({@link EXCEL_ROUNDED_MARK}): shown in full, its
 * last digits are 0s nobody typed, and nothing else tells it from an id that ends in 000.
 * Undefined where the caller's own reading stands (General, formats not read).
 */
function shownAs(n: number, format: NumberFormat | undefined): string | undefined {
	const general = !format || format.general || format.code === '@';
	if (general) return isPastPrecision(n) ? shownLongNumber(n) : undefined;
	const shown = shownNumber(n, format.code);
	if (shown === undefined || !isPastPrecision(n)) return shown;
	// in full (a format in scientific notation shows it as such, and is refused as such)
	return shown.replace(/\D/g, '').length > 15 ? `${shown}${EXCEL_ROUNDED_MARK}` : shown;
}

async function readStyles(stream: Stream): Promise<Styles> {
	const custom = new Map<number, string>();
	const xfIds: number[] = [];
	let inCellXfs = false;
	await stream(
		'xl/styles.xml',
		xml({
			open(tag) {
				const name = local(tag.name);
				if (name === 'numFmt') {
					custom.set(Number(tag.attributes.numFmtId), String(tag.attributes.formatCode ?? ''));
				} else if (name === 'cellXfs') inCellXfs = true;
				else if (name === 'xf' && inCellXfs) xfIds.push(Number(tag.attributes.numFmtId ?? 0));
			},
			close(name) {
				if (local(name) === 'cellXfs') inCellXfs = false;
			}
		})
	);
	return {
		formats: xfIds.map((id) => {
			const code = custom.get(id) ?? BUILT_IN_CODES[id] ?? ZH_DATE_CODES[id] ?? '';
			return {
				code,
				date: DATE_FORMAT_IDS.has(id) || (code !== '' && isDateCode(code)),
				general: id === 0 || /^general$/i.test(code)
			};
		})
	};
}

/** A custom format shows a date when, outside quotes and brackets, it has d, m, y, h or s. */
export function isDateCode(code: string): boolean {
	const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
	return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare);
}

/** 'B' → 2, 'AA' → 27; 0 when the reference has no letters. */
function columnOf(ref: string): number {
	let n = 0;
	for (const c of ref) {
		const code = c.charCodeAt(0);
		if (code < 65 || code > 90) break;
		n = n * 26 + code - 64;
	}
	return n;
}

const DAY_MS = 86_400_000;

/** An Excel serial date as YYYY-MM-DD (1900 system, with its phantom 29 Feb 1900; or 1904). */
function serialDate(serial: number, date1904: boolean): string {
	const days = date1904 ? serial + 1462 : serial < 61 ? serial + 1 : serial;
	return new Date(Math.round((days - 25569) * DAY_MS)).toISOString().slice(0, 10);
}

/** `A5:B20` as a range; undefined for a reference that is not one. */
function mergedRange(ref: string): MergedRange | undefined {
	const m = /^([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})$/.exec(ref);
	if (!m) return undefined;
	const [top, bottom] = [Number(m[2]), Number(m[4])];
	return { top, left: columnOf(m[1]!), bottom, right: columnOf(m[3]!) };
}

/**
 * A number cell's text: a date as YYYY-MM-DD (with `asShown` as its format shows it), with
 * `asShown` a number as its format shows it (see `shownAs`), else as typed: zeros a `000000`
 * format pads with, a percentage, and at most Excel's 15 significant digits.
 */
export function numberText(
	n: number,
	format: NumberFormat | undefined,
	ctx: { date1904: boolean; asShown: boolean }
): string {
	if (format?.date) {
		const iso = serialDate(n, ctx.date1904);
		return (ctx.asShown && shownDate(iso, format.code)) || iso;
	}
	if (ctx.asShown) {
		const shown = shownAs(n, format);
		if (shown !== undefined) return shown;
	}
	if (format && /^0+$/.test(format.code) && Number.isInteger(n)) {
		return String(n).padStart(format.code.length, '0');
	}
	// Excel keeps a typed 30% as 0.3 shown as a percentage: the text is what was typed
	const percent = format ? /^0(?:\.(0+))?%$/.exec(format.code) : null;
	if (percent) return `${(n * 100).toFixed(percent[1]?.length ?? 0)}%`;
	// the 15 significant digits Excel shows and computes with: a formula's 0.1+0.2 is kept
	// as 0.30000000000000004, which the sheet shows as 0.3
	return String(Number(n.toPrecision(15)));
}

/** What a cell holding a picture or another object reads as (see `sheetReader`). */
export const OBJECT_IN_CELL = '\uFFFC';

// More merged ranges than any sheet of questions has; past it, the rest are not read.
const MAX_MERGED = 10_000;

function sheetReader(
	records: SheetRecord[],
	merged: MergedRange[],
	ctx: { strings: string[]; styles: Styles; date1904: boolean; asShown: boolean },
	limits: XlsxLimits,
	/** Rows the sheets read together may still have. */
	budget: { left: number }
): (chunk: string) => void {
	let line = 0;
	let values: string[] | null = null;
	let cell: { column: number; type: string; style: number; object: boolean } | null = null;
	let value = '';
	let inline = '';
	let reading: 'v' | 't' | null = null;
	let column = 0;
	const cellText = (): string => {
		if (!cell) return '';
		// a picture placed in the cell (Excel 365), or another rich value: only its #VALUE! is in
		// the sheet. Handed over as U+FFFC, the OBJECT REPLACEMENT CHARACTER, so that the rows'
		// reader reports it where it is rather than read an empty cell
		if (cell.object) return OBJECT_IN_CELL;
		switch (cell.type) {
			case 's':
				return ctx.strings[Number(value)] ?? '';
			case 'inlineStr':
				return unescapeXstring(inline);
			case 'str':
				return unescapeXstring(value);
			case 'b':
				return value === '1' ? 'true' : value === '0' ? 'false' : '';
			case 'e':
				return '';
			case 'd':
				return value.slice(0, 10);
			default: {
				if (value === '') return '';
				const n = Number(value);
				if (!Number.isFinite(n)) return value;
				return numberText(n, ctx.styles.formats[cell.style], ctx);
			}
		}
	};
	return xml({
		open(tag) {
			const name = local(tag.name);
			if (name === 'row') {
				const r = Number(tag.attributes.r);
				line = Number.isInteger(r) && r > line ? r : line + 1;
				if (line > EXCEL_MAX_ROWS) throw new SpreadsheetError('unreadable');
				values = [];
				column = 0;
			} else if (name === 'c' && values) {
				const c = columnOf(String(tag.attributes.r ?? ''));
				column = c > 0 ? c : column + 1;
				cell = {
					column,
					type: String(tag.attributes.t ?? 'n'),
					style: Number(tag.attributes.s ?? 0),
					// value metadata: the cell's value is a rich value kept outside the sheet
					object: tag.attributes.vm !== undefined && tag.attributes.t === 'e'
				};
				value = '';
				inline = '';
			} else if (name === 'mergeCell' && merged.length < MAX_MERGED) {
				const range = mergedRange(String(tag.attributes.ref ?? ''));
				if (range) merged.push(range);
			} else if (name === 'v' && cell) reading = 'v';
			else if (name === 't' && cell) reading = 't';
		},
		close(name) {
			const n = local(name);
			if (n === 'v' || n === 't') reading = null;
			else if (n === 'c' && cell && values) {
				const text = cellText();
				if (text !== '') {
					if (cell.column > limits.maxColumns) {
						throw new SpreadsheetError('too_many_columns', { max: limits.maxColumns });
					}
					values[cell.column - 1] = text;
				}
				cell = null;
			} else if (n === 'row' && values) {
				if (values.some((v) => v !== undefined && v.trim() !== '')) {
					if (records.length >= limits.maxRecords || budget.left <= 0) {
						throw new SpreadsheetError('too_many_rows', { max: limits.maxRecords - 1 });
					}
					budget.left--;
					records.push({ line, values: Array.from(values, (v) => v ?? '') });
				}
				values = null;
			}
		},
		text(t) {
			if (reading === 'v') value += t;
			else if (reading === 't') inline += t;
		}
	});
}
