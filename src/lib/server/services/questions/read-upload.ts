import {
	AIKEN_ANSWER_LINE,
	type ImportResult,
	type Issue,
	type QuestionVersion,
	parseAiken,
	parseGift,
	parseRows,
	questionTypeNamed,
	resolveRowHeaders,
	TOO_MANY_QUESTIONS
} from '@xuefa/core';
import {
	QUESTION_IMPORT_MAX_BYTES,
	QUESTION_IMPORT_MAX_QUESTIONS,
	QUESTION_IMPORT_FORMATS
} from '$lib/schemas/banks.ts';
import { InvalidInputError } from '../../errors.ts';
import { SEPARATORS, decodeCsv, lineCells, separatorOf } from '../../spreadsheet/csv.ts';
import {
	HEADER_SEARCH_ROWS,
	type NamedSheet,
	type Upload,
	readSpreadsheetSheets
} from '../../spreadsheet/read.ts';
import { type Sheet, SpreadsheetError } from '../../spreadsheet/types.ts';
import { htmlConverter } from '../../uploads/html-to-markdown.ts';
import { capIssues } from '../../uploads/issues.ts';
import { isTemplateExample } from './template-examples.ts';

export type ImportFormat = Exclude<(typeof QUESTION_IMPORT_FORMATS)[number], 'auto'>;

/** A problem the core found, and in a workbook of several sheets the sheet it is on. */
export type SheetIssue = Issue & { sheet?: string };

/** One worksheet as the core's `string[][]` rows (the header first), with the name on its tab. */
export interface SheetRows {
	name: string;
	rows: string[][];
}

/** What a file holds once read: its format and the core importer's result. */
export interface ReadQuestions {
	format: ImportFormat;
	/** The result, its issues cut to the first few hundred. */
	result: Omit<ImportResult, 'issues'> & { issues: SheetIssue[] };
	/** How many issues the file has in all. */
	issueCount: number;
	/** Spreadsheet headers that are no known column: the organiser is asked what they are. */
	unknownColumns: string[];
	/** The sheets as rows, kept while the organiser answers about their columns. */
	sheets?: SheetRows[];
	/** Sheets of the workbook with rows but no header near their top, not read (instructions…). */
	passedOver: string[];
	/** Sheets of examples left out because another sheet holds the questions (our template's 示例). */
	examples: string[];
	/** Rows left out as a template's example (示例, 例：…), with their sheet in a workbook of several. */
	exampleRows: { line: number; sheet?: string }[];
}

function fileError(reason: string, params: Record<string, string | number> = {}): never {
	const key = `bank_import_${reason}`;
	throw new InvalidInputError({ file: [key] }, key, params);
}

const TABLE_FILE = /\.(xlsx|csv|tsv)$/i;

/**
 * The format a file is in: by its name, and for plain text by what it looks like: a table with a
 * header we know (see {@link looksLikeTable}), Aiken, a table of other columns (see
 * {@link looksDelimited}), or GIFT. A text that is none of them is refused saying so: read as GIFT,
 * it was one baffling "不支持的GIFT题型" per line.
 */
export function detectFormat(
	upload: Upload,
	text: () => string,
	isHeader: (values: readonly string[]) => boolean
): ImportFormat {
	// an old .xls too (binary, an HTML table or an XML spreadsheet): read as a table
	if (TABLE_FILE.test(upload.name) || /\.xls$/i.test(upload.name)) return 'rows';
	if (/\.gift$/i.test(upload.name)) return 'gift';
	// `.aiken`, or a .txt named for it as the bank's Aiken export is (题库导出-3-Aiken.txt): a stem
	// with braces in it must not make the file look like GIFT
	if (/\.aiken$|(?:^|[^a-z])aiken\.txt$/i.test(upload.name)) return 'aiken';
	// question banks are often kept in Word: say what to do with one, not only what is accepted
	if (/\.(docx?|wps|rtf|pdf)$/i.test(upload.name)) fileError('word');
	if (!/\.txt$/i.test(upload.name)) fileError('unsupported');
	const body = text();
	if (!body.trim()) fileError('empty');
	if (looksLikeTable(body, isHeader)) return 'rows';
	if (looksLikeAiken(body)) return 'aiken';
	// another system's columns: read as a table, whose unknown headers the organiser is asked about
	if (looksDelimited(body)) return 'rows';
	if (hasGiftAnswer(body)) return 'gift';
	fileError('text_unrecognised');
}

/** The first non-empty lines of a text, at most {@link HEADER_SEARCH_ROWS} of them. */
function firstLines(text: string, max = HEADER_SEARCH_ROWS): string[] {
	const lines: string[] = [];
	for (let at = 0; at < text.length && lines.length < max;) {
		const end = text.indexOf('\n', at);
		const line = text.slice(at, end < 0 ? text.length : end).replace(/\r$/, '');
		at = end < 0 ? text.length : end + 1;
		if (line.trim()) lines.push(line);
	}
	return lines;
}

// A line only GIFT begins so: a `// comment` (Moodle's `// question: 12  name: …`), `$CATEGORY:`,
// a `::title::`, or a line of an answer block written over several lines (`{`, `=right`, `~wrong`, `}`).
const GIFT_LINE = /^\s*(?:\/\/|\$CATEGORY:|::|[{}=~])/i;
// An answer block as only GIFT writes one: `{=…`, `{~…`, `{#…` (numerical), `{T}`, `{FALSE}`, `{}`
// (an essay). Braces of other kinds (`{x}` in a stem) say nothing; `\{` is GIFT's literal brace.
const GIFT_ANSWER = /(?<!\\)\{\s*(?:[=~#}]|(?:TRUE|FALSE|T|F)\s*\})/i;

/** Whether a line has a mark only GIFT makes: such a line is never a table's. */
function isGiftLine(line: string): boolean {
	return GIFT_LINE.test(line) || GIFT_ANSWER.test(line);
}

/**
 * A sheet saved as text: with tabs between its cells, as Excel's "Unicode 文本" (the way out people
 * take when their CSV shows garbled Chinese), with semicolons as Excel writes CSV in languages whose
 * decimals have a comma and some exam systems export, or a CSV renamed .txt (as some platforms'
 * downloads and mail attachments come, every cell in quotes too): one of the first non-empty
 * lines, split at its tabs, commas or semicolons, is a header. A GIFT file's tabs indent its
 * answers and name no columns; neither it nor an Aiken file has a line of column names between
 * separators, and a GIFT mark on a line above the header or on it wins over the commas there.
 */
export function looksLikeTable(text: string, isHeader: (values: readonly string[]) => boolean) {
	for (const line of firstLines(text)) {
		if (isGiftLine(line)) return false;
		if (SEPARATORS.some((sep) => line.includes(sep) && isHeader(lineCells(line, sep)))) return true;
	}
	return false;
}

/**
 * A table whose header names no column we know (题号,内容,选项1…, or English ones): its first
 * line and the next are split by its separator (see {@link separatorOf}: tabs, commas or
 * semicolons) into three cells or more and two or more, and none of the first lines has a mark
 * only GIFT makes (`::title::`, an answer block, a `//` comment, `$CATEGORY:`): a GIFT stem of
 * commas, or a comment or title line of them above the questions, is no header.
 */
export function looksDelimited(text: string): boolean {
	const lines = firstLines(text);
	const [first, second] = lines;
	if (first === undefined || second === undefined) return false;
	if (lines.some(isGiftLine)) return false;
	const sep = separatorOf(first);
	return lineCells(first, sep).length >= 3 && lineCells(second, sep).length >= 2;
}

/** Whether a text has a GIFT answer in braces: without one, no question of it is GIFT. */
function hasGiftAnswer(text: string): boolean {
	const open = text.indexOf('{');
	return open >= 0 && text.indexOf('}', open) >= 0;
}

// Aiken's ANSWER: (or 答案：) line anywhere in a file
const ANSWER_LINE = new RegExp(AIKEN_ANSWER_LINE.source, 'im');

/**
 * Aiken has ANSWER: lines and no GIFT answer blocks. Both tests are linear: the line test allows
 * only spaces and tabs before ANSWER (`\s*` under the m flag would span lines and go quadratic on
 * a file of blank lines), and the brace test is a scan rather than `\{[^}]*\}`.
 */
export function looksLikeAiken(text: string): boolean {
	return ANSWER_LINE.test(text) && !hasGiftAnswer(text);
}

/**
 * Whether a row is the header: it names at least two columns (题型 and 题干, say). Other
 * platforms' templates have a title and notes on filling in above the header; neither names two.
 */
function namesColumns(values: readonly string[], columns: Record<string, string>): boolean {
	return resolveRowHeaders(values, columns).fields.filter(Boolean).length >= 2;
}

// Sheets of examples, as our template (示例) and other platforms' have beside the one to fill in.
const EXAMPLES = /^(示例|样例|范例|例题|示例题|填写示例|examples?|samples?)$/i;

/**
 * The sheets to import: a workbook's sheet of examples is left out when another sheet holds
 * questions, as in our template filled in (试题, then 示例); alone, it is what the file holds.
 */
function withoutExamples(sheets: NamedSheet[]): NamedSheet[] {
	const others = sheets.filter((sheet) => !EXAMPLES.test(sheet.name.trim()));
	return others.some((sheet) => sheet.rows.length > 0) ? others : sheets;
}

/**
 * The sheet as the core's `string[][]` rows, the header first, each data row at the index of its
 * row number minus one (gaps left empty), so that the core's row numbers are the spreadsheet's.
 */
function sheetRows(sheet: Sheet): string[][] {
	const out: string[][] = [sheet.headers];
	for (const row of sheet.rows) {
		while (out.length < row.line - 1) out.push([]);
		out.push(sheet.headers.map((h) => row.cells[h] ?? ''));
	}
	return out;
}

/**
 * Reads an uploaded question file with the core's importers (rows for .xlsx/.csv, GIFT, Aiken),
 * refusing files over the size and question limits with their own messages. Runs on the upload
 * worker (see `readQuestionUpload`). `format` other than 'auto' overrides the detection for text
 * files.
 */
export async function readQuestionFile(
	upload: Upload,
	format: ImportFormat | 'auto' = 'auto',
	columns: Record<string, string> = {}
): Promise<ReadQuestions> {
	if (upload.bytes.byteLength > QUESTION_IMPORT_MAX_BYTES) {
		fileError('too_large', { mb: QUESTION_IMPORT_MAX_BYTES / 1024 / 1024 });
	}
	const text = () => decodeCsv(upload.bytes);
	const isHeader = (values: readonly string[]) => namesColumns(values, columns);
	const chosen =
		format === 'auto' || TABLE_FILE.test(upload.name)
			? detectFormat(upload, text, isHeader)
			: format;
	let result: ImportResult;
	if (chosen === 'rows') {
		let sheets: NamedSheet[];
		let passedOver: string[];
		try {
			({ sheets, passedOver } = await readSpreadsheetSheets(
				// a table saved as .txt: read as CSV, whose reader tells its separator by the header
				{ ...upload, name: upload.name.replace(/\.txt$/i, '.csv') },
				{ maxBytes: QUESTION_IMPORT_MAX_BYTES, maxRows: QUESTION_IMPORT_MAX_QUESTIONS },
				{ isHeader, asShown: true }
			));
		} catch (e) {
			if (!(e instanceof SpreadsheetError)) throw e;
			fileError(e.reason, e.params);
		}
		const read = withoutExamples(sheets);
		return readQuestionRows(
			read.map((sheet) => ({ name: sheet.name, rows: sheetRows(sheet) })),
			columns,
			passedOver,
			sheets.filter((s) => !read.includes(s)).map((s) => s.name)
		);
	} else {
		// the parsers stop past the limit: a file of many tiny questions is refused unread
		const options = { partial: true, maxQuestions: QUESTION_IMPORT_MAX_QUESTIONS };
		result =
			chosen === 'gift'
				? parseGift(text(), { ...options, html: htmlConverter() })
				: parseAiken(text(), options);
	}
	return outcome(chosen, result, []);
}

/**
 * Reads spreadsheet sheets with the bank's answers about unknown columns; the sheets come along
 * when a header is still unknown, to be read again once the organiser has answered. A sheet with
 * no 题型 column whose name is a type's (单选题, 二、判断题) holds questions of that type; in a
 * workbook of several sheets, each problem says its sheet.
 */
export function readQuestionRows(
	sheets: readonly SheetRows[],
	columns: Record<string, string>,
	passedOver: string[] = [],
	examples: string[] = []
): ReadQuestions {
	const unknown = new Set<string>();
	const questions: QuestionVersion[] = [];
	const issues: SheetIssue[] = [];
	const exampleRows: ReadQuestions['exampleRows'] = [];
	for (const { name, rows: all } of sheets) {
		const { fields, unknown: headers } = resolveRowHeaders(all[0] ?? [], columns);
		for (const header of headers) unknown.add(header);
		const { rows, lines } = withoutTemplateExamples(all, fields);
		const type = questionTypeNamed(name);
		const read = parseRows(rows, { partial: true, columns, ...(type ? { type } : {}) });
		questions.push(...read.questions);
		for (const line of [...lines, ...(read.exampleRows ?? [])].sort((a, b) => a - b))
			exampleRows.push(sheets.length > 1 ? { line, sheet: name } : { line });
		for (const issue of read.issues)
			issues.push(sheets.length > 1 ? { ...issue, sheet: name } : issue);
	}
	const result = { ok: issues.length === 0, questions, issues };
	// the template downloaded and sent back with only its example in it
	if (questions.length + issues.length === 0 && exampleRows.length > 0)
		fileError('only_examples', { rows: exampleRows.map((r) => r.line).join(',') });
	const read = { ...outcome('rows', result, [...unknown]), passedOver, examples, exampleRows };
	return unknown.size > 0 ? { ...read, sheets: [...sheets] } : read;
}

/**
 * The rows without our template's own examples (see {@link isTemplateExample}), each left empty
 * so that the rows after keep their numbers, and the row numbers of those left out.
 */
function withoutTemplateExamples(
	rows: readonly string[][],
	fields: readonly (string | null)[]
): { rows: readonly string[][]; lines: number[] } {
	const at = (field: string) => fields.indexOf(field);
	const columns: Record<string, number> = {
		编号: at('编号'),
		题干: at('题干'),
		所属案例: at('所属案例')
	};
	if (columns['题干']! < 0) return { rows, lines: [] };
	const lines: number[] = [];
	const kept = rows.map((r, k) => {
		const cell = (field: string) => (r[columns[field] ?? -1] ?? '').trim();
		if (k === 0 || r.length === 0 || !isTemplateExample(cell)) return r;
		lines.push(k + 1);
		return [];
	});
	return { rows: lines.length ? kept : rows, lines };
}

function outcome(
	format: ImportFormat,
	result: ReadQuestions['result'],
	unknown: string[]
): ReadQuestions {
	if (result.questions.length + result.issues.length === 0) fileError('empty');
	if (
		result.questions.length > QUESTION_IMPORT_MAX_QUESTIONS ||
		result.issues.some((issue) => issue.code === TOO_MANY_QUESTIONS)
	) {
		fileError('too_many', { max: QUESTION_IMPORT_MAX_QUESTIONS });
	}
	const { issues, issueCount } = capIssues(result.issues);
	return {
		format,
		result: { ...result, issues },
		issueCount,
		unknownColumns: unknown,
		passedOver: [],
		examples: [],
		exampleRows: []
	};
}
