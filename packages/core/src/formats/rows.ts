/**
 * The spreadsheet row format (Excel/CSV rows with Chinese headers).
 *
 * Columns (order free; other platforms' headers too, see below): 编号 (id, optional), 题型, 题干,
 * 选项A … 选项H, 答案, 解析, 分值, 难度, 法律, 条款, 知识点, 标签, 所属案例, 评分标准. Only 题型 and
 * 题干 are required, and 题型 not when `type` says what every row is (a sheet per type).
 *
 * - 题型: 单选/单选题/单项选择题, 多选/多选题/多项选择题, 判断/判断题, 填空/填空题, 简答/简答题, 案例分析/案例分析题
 *   (or the code names `single` …).
 * - 答案: single `B`; multiple `ABD` (separators `,，、;；/|` and spaces allowed; labelled as options
 *   are, `B.` `（B）` `【ABD】`, too), or the options' own texts (`七日`, `警告、罚款`, or with their
 *   letters `C.七日`) when each is exactly one option's; true/false `对 正确 √ T 是 1` or
 *   `错 错误 × F 否 0` (in brackets or with a full stop too: `（√）`); fill-in: blanks separated
 *   by `;`/`；` (one after the last is no blank), alternatives within a blank by `|`/`｜`
 *   (`四十二|42;听证`), so answers cannot contain those characters (a stem of several blanks and an
 *   answer without `;`: `、` `,` `|` or spaces when they split it into one answer per blank, as other
 *   systems write it); short answer: the reference answer.
 * - 题干 of a fill-in: blanks marked `___`; `＿＿` too, and empty brackets `（  ）` when there are
 *   exactly as many as blanks and no other marker.
 * - 选项A…: a choice question uses the option columns from A up to the last non-empty one (a
 *   filled 选项I or later refuses its row: the format holds 8 options). Other
 *   platforms' single 选项 column is read too, its options separated by `|`/`｜`, or each starting
 *   at its label (`A.三日 B.七日`, also over lines), or else by line breaks (used when the row's
 *   选项A… are empty); options all labelled with their own letters in order (`A.警告`, `B、罚款`,
 *   `(C)记过`) lose the labels. A 单选, 多选 or 判断 row with neither has its options read from
 *   its 题干, from the A label after which B … follow (`听证应当在几日前通知？A.三日 B.七日`, or
 *   over lines), the stem cut before it. Cells are read without zero-width characters.
 * - 答案 copied with its label (`答案：B`, `正确答案: AB`, `参考答案：`) is read without it.
 * - 难度: 1–5 or 易/中/难 …, or a 难度系数 from 0 to 1 or 0–100% (0.8 and up easiest, see
 *   `coefficientDifficulty`), default 3 when empty; another number is refused at its row. 分值: the question's suggested points, `2` or `2分`
 *   (for a case part: its weight).
 * - 法律: one or more law titles separated by `;`/`；` (《》 optional). 条款: for each law (same order,
 *   groups separated by `;`/`；`), its articles separated by `、`/`,`, as `第四十二条` or `42`.
 * - 标签: separated by `、`/`,`/`，`/`;`/`；`/`|`/`｜`.
 * - Case analysis: one row with 题型 案例分析 and the case text as 题干 and an 编号; each sub-question is a
 *   following (or any) row whose 所属案例 holds that 编号, in row order. Part rows ignore 难度/法律/条款/知识点/标签.
 * - Questions without 编号 get the id `row-<n>`; every imported question is version 1.
 *
 * Headers of other platforms are read as the same columns (see `HEADER_ALIASES`), also with a note
 * in brackets after them (`难度（1-5）`) or a 题目/试题 prefix (`题目解析`).
 *
 * A picture placed in a cell (WPS's `=DISPIMG(…)`, or a cell read as U+FFFC, the OBJECT
 * REPLACEMENT CHARACTER, as a workbook reader hands over Excel's picture in a cell) is reported at
 * its row and column: the sheet does not hold it as text, and a question cannot show it. So is a
 * cell as Excel shows a long number (`1.23457E+17`, see `isExcelScientific`) in any column but 分值
 * and 难度: its digits are lost, and an id or an answer read from it would be silently wrong.
 *
 * Row numbers: with a `string[][]` the header is row 1 and data starts at row 2; with records, record
 * `i` is row `i + 2` (a header row is assumed above), or `i + firstRow` when given.
 */
import type { Issue } from '../errors.ts';
import { formatArticleNo, parseArticleNo } from '../question/articles.ts';
import {
	OPTION_LABELS,
	type CasePart,
	type LawRef,
	type QuestionType,
	type QuestionVersion
} from '../question/model.ts';
import { bodyRow } from '../question/types/common.ts';
import { PART_TYPE_MODULES } from '../question/types/parts.ts';
import { QUESTION_TYPE_MODULES, questionTypeModules } from '../question/types/registry.ts';
import { validateQuestion } from '../question/validate.ts';
import { EXCEL_ROUNDED_MARK, excelLostDigits } from './excel-scientific.ts';
import { cellsToMarkdown, isPlainInCells, markdownToCells } from './plain-cells.ts';
import { finish, type ExportResult, type ImportOptions, type ImportResult } from './result.ts';
import { stripInvisible } from './text.ts';
import {
	ROW_HEADERS,
	ROW_OPTION_LETTERS as LETTERS,
	optionColumn,
	type RowField
} from './row-fields.ts';

export { ROW_HEADERS, type RowField } from './row-fields.ts';

const CHINESE_NUMBERS = '一二三四五六七八';
/**
 * Headers other exam platforms use for the same columns (compared without spaces, full-width
 * letters as half-width, and any * or （必填） mark dropped).
 */
const HEADER_ALIASES: Record<string, RowField> = {
	题目: '题干',
	试题内容: '题干',
	题目内容: '题干',
	试题题干: '题干',
	问题: '题干',
	试题类型: '题型',
	题目类型: '题型',
	正确答案: '答案',
	参考答案: '答案',
	标准答案: '答案',
	答案解析: '解析',
	试题解析: '解析',
	难易程度: '难度',
	难易度: '难度',
	试题难度: '难度',
	难度系数: '难度',
	难易系数: '难度',
	分数: '分值',
	试题分数: '分值',
	试题编号: '编号',
	题目编号: '编号',
	考点: '知识点',
	法律依据: '法律',
	法条: '条款',
	...Object.fromEntries(
		[...LETTERS].flatMap((l, i) => [
			[l, `选项${l}`],
			[`${l}选项`, `选项${l}`],
			[`选项${CHINESE_NUMBERS[i]}`, `选项${l}`]
		])
	)
};

const headerKey = (h: string) =>
	stripInvisible(h)
		.normalize('NFKC')
		.replace(/\s+/g, '')
		.replace(/[*＊]|[(（]必填[)）]$/g, '')
		.toUpperCase();

/** The column a platform's template shows all options of a question in, one cell. */
export const ROW_OPTION_LIST = '选项' as const;

/** A column a header may name when importing: a {@link RowField}, or the single {@link ROW_OPTION_LIST}. */
export type RowImportField = RowField | typeof ROW_OPTION_LIST;

/** Every {@link RowImportField}: what an organiser may name a column the format does not know. */
export const ROW_IMPORT_FIELDS = [...ROW_HEADERS, ROW_OPTION_LIST] as const;

const OPTION_LIST_HEADERS = new Set([ROW_OPTION_LIST, '选项内容', '题目选项', '试题选项']);

/** A known header's field: as written, without a note in brackets after it, without a 题目/试题 prefix. */
function knownField(key: string, own: ReadonlyMap<string, RowField>): RowImportField | undefined {
	const bare = key.replace(/[(（[【][^()（）[\]【】]*[)）\]】]$/, '');
	for (const k of new Set([key, bare])) {
		for (const c of [k, k.replace(/^(题目|试题)(?=.)/, '')]) {
			const found = own.get(c) ?? HEADER_ALIASES[c];
			if (found) return found;
			if (OPTION_LIST_HEADERS.has(c)) return ROW_OPTION_LIST;
		}
	}
	return undefined;
}

/**
 * Which field each header names: the format's own headers, the common aliases of other platforms
 * (题目 → 题干, 正确答案 → 答案, A → 选项A …, 选项 → {@link ROW_OPTION_LIST}), then `columns`, the
 * answers an organiser gave for headers neither knows (a field, or '' to ignore the column).
 *
 * @param headers - the header row
 * @param columns - header → field ('' = ignore), as chosen for this bank
 * @returns per header its field (null when ignored or unknown), and the unknown headers
 * @example
 * resolveRowHeaders(['试题类型', '题目内容', '出题人']).unknown; // → ['出题人']
 */
export function resolveRowHeaders(
	headers: readonly string[],
	columns: Readonly<Record<string, string>> = {}
): { fields: (RowImportField | null)[]; unknown: string[] } {
	const unknown: string[] = [];
	const fields = headers.map((raw): RowImportField | null => {
		const h = stripInvisible(String(raw ?? '')).trim();
		if (h === '') return null;
		const found = knownField(headerKey(h), OWN_HEADERS);
		if (found) return found;
		// options past H: no column to name, and ignoring one would drop the option it holds
		if (BEYOND_OPTIONS.test(headerKey(h))) return null;
		const chosen = columns[h];
		if (chosen !== undefined) {
			return (ROW_IMPORT_FIELDS as readonly string[]).includes(chosen)
				? (chosen as RowImportField)
				: null;
		}
		unknown.push(h);
		return null;
	});
	return { fields, unknown };
}

const OWN_HEADERS = new Map<string, RowField>(ROW_HEADERS.map((h) => [headerKey(h), h]));

// A column of an option past the row format's last (选项I, J选项): read only to refuse a filled one.
const BEYOND_OPTIONS = /^(?:选项[I-Z]|[I-Z]选项)$/;

/** 题型 names of every type (each type's module lists its own). */
const TYPE_NAMES = new Map<string, QuestionType>(
	questionTypeModules().flatMap((m) => m.rowNames.map((n) => [n, m.type] as const))
);

type Row = Readonly<Record<string, string | undefined>>;

// 难易程度 as words: three levels spread over 1, 3, 5; two-step words in between.
const DIFFICULTY_WORDS: Record<string, number> = {
	易: 1,
	容易: 1,
	简单: 1,
	较易: 2,
	较简单: 2,
	中: 3,
	中等: 3,
	一般: 3,
	适中: 3,
	较难: 4,
	难: 5,
	困难: 5,
	// 难度 低/中/高, as some platforms word it
	低: 1,
	较低: 2,
	较高: 4,
	高: 5
};

/** 难度 written as stars (`★★★`, `★★★☆☆`) or `3星`: the number of stars. */
function starDifficulty(text: string): number | undefined {
	const stars = /^[★☆]{1,5}$/u.test(text) ? [...text].filter((c) => c === '★').length : NaN;
	const n = Number.isNaN(stars) ? Number(/^([1-5])\s*星$/u.exec(text)?.[1] ?? NaN) : stars;
	return n >= 1 && n <= 5 ? n : undefined;
}

/**
 * 难度 written as a 难度系数 between 0 and 1 (`0.35`, `.8`, `0`, or as a percentage `35%`, as a
 * sheet formats it): as Chinese exam practice defines it, the share of candidates expected to
 * answer right, so the higher the easier. 0.8 and up is 1 (易), below 0.2 is 5 (难), the fifths
 * between are 2–4. A whole number from 1 to 5 is a level: `1` is level 1 (as the coefficient 1
 * would be), and `0`, which no level is, the coefficient.
 */
function coefficientDifficulty(text: string): number | undefined {
	const t = text.normalize('NFKC').replace(/\s+/g, '');
	const percent = /^(\d{1,3}(?:\.\d+)?)%$/.exec(t);
	if (!percent && !/^(?:0?\.\d+|[01]\.0*|0)$/.test(t)) return undefined;
	const p = percent ? Number(percent[1]) / 100 : Number(t);
	if (p > 1) return undefined;
	return 5 - Math.min(4, Math.floor(p * 5 + 1e-9));
}

/** 难度 as a level: a whole number from 1 to 5, or undefined (a number out of range too). */
function levelDifficulty(text: string): number | undefined {
	const t = text.normalize('NFKC').trim();
	return /^[1-5](?:\.0*)?$/.test(t) ? Number(t) : undefined;
}

/** Options for {@link parseRows}. */
export interface RowImportOptions extends ImportOptions {
	/** Row number of the first record when rows are records (default 2). */
	firstRow?: number;
	/** Headers the format does not know, each named as a field or '' (ignored): see {@link resolveRowHeaders}. */
	columns?: Readonly<Record<string, string>>;
	/**
	 * The type of every row when the header has no 题型 column (`string[][]` rows only): a
	 * workbook of one sheet per type names the type on the sheet's tab (see {@link questionTypeNamed}).
	 */
	type?: QuestionType;
}

// numbering before a sheet's name (一、 1. （一） 第一部分) and a note in brackets after it (（共20题）)
const NAME_NUMBER =
	/^(?:第?[一二三四五六七八九十\d]{1,3}(?:部分|[、.．:：\s])|[（(][一二三四五六七八九十\d]{1,3}[)）])\s*/u;
const NAME_NOTE = /\s*[（(［[【][^（(［[【]*[)）］\]】]\s*$/u;

/**
 * The question type a name stands for, as a workbook of one sheet per type names its tabs
 * (`单选题`, `一、单项选择题`, `判断题（共20题）`), or undefined when it names none.
 * @example
 * questionTypeNamed('二、多项选择题（每题2分）'); // → 'multiple'
 * questionTypeNamed('Sheet1'); // → undefined
 */
export function questionTypeNamed(name: string): QuestionType | undefined {
	// Excel's tabs hold 31 characters; a longer name is no type's (and NAME_NOTE stays cheap)
	if (name.length > 64) return undefined;
	const text = name.normalize('NFKC').trim().replace(NAME_NUMBER, '').replace(NAME_NOTE, '').trim();
	return TYPE_NAMES.get(text) ?? TYPE_NAMES.get(text.toLowerCase());
}

/**
 * Parses spreadsheet rows into question versions, validating each (see the module notes for the syntax).
 *
 * @param rows - records keyed by header, or a `string[][]` whose first row is the header
 * @param options - `partial` for a preview; `firstRow` for record numbering
 * @returns questions and issues (each with `line` = the row number and `path` = the column header)
 * @example
 * parseRows([
 *   ['题型', '题干', '选项A', '选项B', '答案', '法律', '条款'],
 *   ['单选', '听证应当在举行几日前通知？', '三日', '七日', 'B', '行政处罚法', '第六十四条']
 * ]);
 * // → { ok: true, questions: [{ type: 'single', … laws: [{ lawId: '行政处罚法', articleNo: 64 }] }], issues: [] }
 */
export function parseRows(
	rows: readonly Row[] | readonly (readonly string[])[],
	options: RowImportOptions = {}
): ImportResult {
	let records: { line: number; row: Row; first?: string }[];
	if (rows.length > 0 && Array.isArray(rows[0])) {
		const [header = [], ...data] = rows as readonly (readonly string[])[];
		const { fields } = resolveRowHeaders(header, options.columns);
		// the first column of a field wins when two headers name the same one
		const at = new Map<RowImportField, number>();
		fields.forEach((f, i) => {
			if (f && !at.has(f)) at.set(f, i);
		});
		// an empty row (a gap before a sheet's later rows) is no record: a sheet whose one row is
		// row 1,048,576 would otherwise build a million of them
		const fieldsAt: [string, number][] = [...at];
		header.forEach((h, k) => {
			if (BEYOND_OPTIONS.test(headerKey(String(h ?? '')))) fieldsAt.push([String(h).trim(), k]);
		});
		// no 题型 column: every row is of the type the sheet is for, when it is for one
		const typeName =
			options.type && !at.has('题型') ? QUESTION_TYPE_MODULES[options.type].rowNames[0] : undefined;
		records = [];
		data.forEach((r, i) => {
			if (r.length === 0) return;
			const row = Object.fromEntries(fieldsAt.map(([f, k]) => [f, r[k] ?? '']));
			const blank = Object.values(row).every((v) => !v.trim());
			// the first cell, in whatever column: a template's 序号 says 示例 in a column not read
			const first = fields[0] ? undefined : String(r[0] ?? '');
			records.push({
				line: i + 2,
				row: typeName && !blank ? { ...row, 题型: typeName } : row,
				...(first ? { first } : {})
			});
		});
		const missing = (['题型', '题干'] as const).filter(
			(c) => !at.has(c) && !(c === '题型' && typeName)
		);
		if (missing.length)
			return finish(
				[],
				missing.map((column) => ({
					code: 'format.row.header_missing',
					line: 1,
					path: column,
					data: { column, line: 1 }
				})),
				options
			);
	} else {
		const first = options.firstRow ?? 2;
		records = (rows as Row[]).map((row, i) => ({ line: first + i, row }));
	}
	// a number the reader marked as rounded reads as shown, once refused where its digits matter
	const cell = (r: Row, c: string) =>
		stripInvisible(String(r[c] ?? ''))
			.replaceAll(EXCEL_ROUNDED_MARK, '')
			.trim();
	const entries: { question?: QuestionVersion; issues: Issue[]; line: number; parent?: string }[] =
		[];
	const global: Issue[] = [];
	const exampleRows: number[] = [];
	const ids = new Map<string, number>();
	records.forEach(({ line, row: r, first }) => {
		if (Object.values(r).every((v) => !String(v ?? '').trim())) return; // blank row
		if (isExampleRow((c) => cell(r, c), stripInvisible(first ?? '').trim())) {
			exampleRows.push(line);
			return;
		}
		const issues: Issue[] = [];
		const err = (code: string, column: string, data: Record<string, unknown> = {}) =>
			issues.push({ code, line, path: column, data: { line, column, ...data } });
		for (const [column, value] of Object.entries(r)) {
			const text = String(value ?? '');
			const lost = excelLostDigits(text);
			if (CELL_PICTURE.test(text)) err('format.row.picture', column);
			else if (lost && !NUMBER_COLUMNS.has(column))
				err(`format.row.${lost.code}`, column, { value: lost.value });
		}
		// a filled option past H: refused, never read without it
		const beyond = Object.keys(r)
			.filter((c) => BEYOND_OPTIONS.test(headerKey(c)) && cell(r, c))
			.map((c) => ({ c, count: OPTION_LABELS.indexOf(/[I-Z]/.exec(headerKey(c))![0]) + 1 }))
			.sort((a, b) => a.count - b.count)
			.pop();
		if (beyond)
			err('format.row.too_many_options', beyond.c, { count: beyond.count, max: LETTERS.length });
		const parent = cell(r, '所属案例') || undefined;
		const id = cell(r, '编号') || `row-${line}`;
		if (cell(r, '编号')) {
			if (ids.has(id)) err('format.row.duplicate_id', '编号', { value: id });
			ids.set(id, entries.length);
		}
		const question = parseRow(
			withOptionCells(r, err, cell),
			line,
			id,
			parent !== undefined,
			err,
			cell
		);
		entries.push({
			...(question ? { question } : {}),
			issues,
			line,
			...(parent ? { parent } : {})
		});
	});
	// Attach case parts to their case rows, then validate whole questions.
	const out: { question?: QuestionVersion; issues: Issue[] }[] = [];
	const partsOf = new Map<number, { part: CasePart; line: number }[]>();
	for (const e of entries) {
		if (e.parent === undefined) continue;
		const at = ids.get(e.parent);
		const host = at === undefined ? undefined : entries[at];
		if (!host || !host.question || !('parts' in host.question) || host.parent !== undefined) {
			e.issues.push({
				code: 'format.row.parent',
				line: e.line,
				path: '所属案例',
				data: { line: e.line, column: '所属案例', value: e.parent }
			});
			continue;
		}
		if (e.question) {
			const {
				id: _i,
				version: _v,
				difficulty: _d,
				laws: _l,
				topic: _t,
				tags: _g,
				points,
				...body
			} = e.question;
			const part = { ...body, ...(points === undefined ? {} : { weight: points }) } as CasePart;
			const list = partsOf.get(at!) ?? [];
			if (list.length === 0) partsOf.set(at!, list);
			list.push({ part, line: e.line });
		}
		host.issues.push(...e.issues.map((x) => x));
		e.issues = [];
	}
	entries.forEach((e, i) => {
		if (e.parent !== undefined) {
			if (e.issues.length) out.push({ issues: e.issues });
			return;
		}
		let q = e.question;
		const parts = partsOf.get(i) ?? [];
		if (q && 'parts' in q) q = { ...q, parts: parts.map((p) => p.part) };
		if (q) {
			// every problem of a row, not only the first; an answer already reported is not repeated
			const reported = new Set(e.issues.map((i) => `${i.line}#${i.path}`));
			for (const issue of validateQuestion(q).errors) {
				const partIndex = /^parts\.(\d+)\./.exec(issue.path ?? '')?.[1];
				const line = partIndex === undefined ? e.line : (parts[Number(partIndex)]?.line ?? e.line);
				const column = columnOf(issue.path ?? '');
				if (column === '答案' && reported.has(`${line}#答案`)) continue;
				if (issue.code === 'question.case.no_parts') {
					// other systems' 案例分析题 is one question answered in prose: say how to bring it
					e.issues.push({
						code: 'format.row.case_no_parts',
						line,
						path: '题型',
						data: { line, column: '题型' }
					});
					continue;
				}
				e.issues.push({
					code: 'format.row.question',
					line,
					path: column,
					data: { line, column, issue: { code: issue.code, data: issue.data ?? {} } }
				});
			}
		}
		out.push({ ...(q ? { question: q } : {}), issues: e.issues });
	});
	return { ...finish(out, global, options), ...(exampleRows.length ? { exampleRows } : {}) };
}

// 示例, 样例, 例题, 例 … with a number, in brackets or before a colon: 【示例】 例： 示例1： （例）;
// Example / Sample / e.g. as English templates write it
const EXAMPLE = String.raw`(?:示例|样例|范例|例题|例|[Ee]xample|EXAMPLE|[Ss]ample|SAMPLE|[Ee]\.g\.)\s*\d*`;
const EXAMPLE_START = new RegExp(
	String.raw`^(?:[【（(\[［]\s*${EXAMPLE}\s*[】）)\]］]|${EXAMPLE}\s*[:：]|[Ee]\.g\.\s)`,
	'u'
);
const EXAMPLE_CELL = new RegExp(
	String.raw`^[【（(\[［]?\s*${EXAMPLE}\s*[】）)\]］]?\s*[:：]?$`,
	'u'
);
// a note that the row is an example to delete: 此行为示例 示例行 删除此行 请删除示例 示例，导入前请删除
// (a law question may well speak of 示例 and 删除: 下列示例中，应当删除个人信息的是)
const DELETE_NOTE =
	/(?:此|本|该)行(?:为|是)?示例|示例行|删除(?:此|本|该)行|(?:请|须|需)删除.{0,6}示例|示例.{0,12}(?:请|须|需)删除/u;

/**
 * Whether a row is a template's example left under the header, as other platforms' templates
 * (and people copying them) have one: 示例/例/Example as its 编号, its 题型 or its first cell (a
 * 序号 column not read), a 题干 that starts 例：… or 【示例】…, or a cell telling to delete it
 * (此行为示例，导入前请删除). Imported, it was a question nobody wrote; it is left out and said
 * so, never read as a question.
 */
function isExampleRow(cell: (column: string) => string, first = ''): boolean {
	const [id, type, stem] = [cell('编号'), cell('题型'), cell('题干')];
	return (
		EXAMPLE_CELL.test(first) ||
		EXAMPLE_CELL.test(id) ||
		EXAMPLE_START.test(id) ||
		EXAMPLE_CELL.test(type) ||
		EXAMPLE_START.test(type) ||
		EXAMPLE_START.test(stem) ||
		ROW_TEXT_FIELDS.some((c) => DELETE_NOTE.test(cell(c)))
	);
}

// the cells a note about the row may be in
const ROW_TEXT_FIELDS = ['编号', '题型', '题干', '解析', '标签', '知识点'] as const;

/**
 * What a cell holding a picture reads as: WPS keeps a picture placed in a cell as the formula
 * `=DISPIMG("ID_…",1)`, whose text is the formula itself; as an option or a stem it was garbage.
 * Excel 365 keeps its picture outside the sheet (the cell's own value is only #VALUE!): a reader
 * hands it over as U+FFFC, which would otherwise read as an empty cell.
 */
const CELL_PICTURE = /^\s*(?:=\s*)?(?:_xlfn\.)?DISPIMG\s*\(|^\s*\uFFFC\s*$/i;

// Columns read as numbers, where `1E+02` is the number it says.
const NUMBER_COLUMNS = new Set(['分值', '难度']);

// An option's own letter before its text: `A.` `Ａ．` `B、` `C:` `D)`, or in brackets `(A)` `（B）` `【C】`.
const OPTION_LABEL =
	/^(?:[(（【][ \t\u00a0\u3000]*([A-HＡ-Ｈ])[ \t\u00a0\u3000]*[)）】]|([A-HＡ-Ｈ])[ \t\u00a0\u3000]*[.．、:：)）])[ \t\u00a0\u3000]*/;

/** The letter an option's text starts with as its label (`A` for `（Ａ）警告`), or undefined. */
function labelOf(text: string): string | undefined {
	const m = OPTION_LABEL.exec(text);
	return m ? (m[1] ?? m[2])!.normalize('NFKC') : undefined;
}

/**
 * The options of a one-cell list whose options are labelled A, B, C … in order, split before each
 * label rather than at line breaks: all on one line (`A.三日 B.七日 C.十日`), as some platforms
 * export them, two to a line, or an option of two lines (its second line would have become an
 * option of its own, every answer letter after it naming the wrong one). A label counts at the
 * start of a line, or else after a space (whichever finds more options: `B.见 C. elegans` on a
 * line of its own is one option); undefined when the cell does not start with A's label or holds
 * no B.
 */
function splitAtLabels(list: string): string[] | undefined {
	if (labelOf(list) !== 'A') return undefined;
	const [lines, spaced] = [LABELS_AT_LINE, LABELS_AFTER_SPACE].map((labels) => {
		const starts = [0];
		for (const next of labels) {
			next.lastIndex = starts[starts.length - 1]! + 1;
			const found = next.exec(list);
			if (!found) break;
			starts.push(found.index);
		}
		return starts;
	});
	const starts = spaced!.length > lines!.length ? spaced! : lines!;
	if (starts.length < 2) return undefined;
	return starts.map((at, k) => list.slice(at, starts[k + 1]).trim());
}

// B's label … H's at the start of a line (after its indent), or right after any space (`\s` holds
// the full-width and no-break spaces): one linear scan of the cell per letter (an indent matched
// after any space, or a lookbehind over it, would go quadratic on a cell of spaces)
const labelsAfter = (before: string) =>
	[...LETTERS.slice(1)].map((l) => {
		const letter = `[${l}${String.fromCharCode(l.charCodeAt(0) + 0xfee0)}]`;
		const space = '[ \\t\\u00a0\\u3000]*';
		return new RegExp(
			`${before}(?:[(（【]${space}${letter}${space}[)）】]|${letter}${space}[.．、:：)）])`,
			'g'
		);
	});
const LABELS_AT_LINE = labelsAfter('(?<=\\n)[ \\t\\u00a0\\u3000]*');
const LABELS_AFTER_SPACE = labelsAfter('(?<=\\s)');

/**
 * The row with its options in 选项A…: split from the one 选项 cell when those are empty, and each
 * without its letter when every option starts with its own (`A.警告`, `B、罚款`: labels typed into
 * the cells, not text; one option without its letter and all are kept as written).
 */
function withOptionCells(
	r: Row,
	err: (code: string, column: string, data?: Record<string, unknown>) => void,
	cell: (r: Row, c: string) => string
): Row {
	let texts = [...LETTERS].map((_, k) => cell(r, optionColumn(k)));
	const list = cell(r, ROW_OPTION_LIST);
	if (!list && texts.every((t) => !t)) {
		const split = optionsInStem(r, cell);
		if (split) return { ...r, 题干: split.stem, ...split.options };
	}
	if (list && texts.every((t) => !t)) {
		const parts = /[|｜]/.test(list)
			? list.split(/[|｜]/).map((t) => t.trim())
			: (splitAtLabels(list) ?? list.split('\n').map((t) => t.trim()));
		while (parts.length > 0 && !parts[parts.length - 1]) parts.pop();
		if (parts.length > LETTERS.length) {
			err('format.row.too_many_options', ROW_OPTION_LIST, {
				count: parts.length,
				max: LETTERS.length
			});
			parts.length = LETTERS.length; // the row is refused; its other cells are still checked
		}
		texts = parts;
	}
	const filled = texts.filter(Boolean).length;
	const labelled = filled >= 2 && texts.every((t, k) => !t || labelOf(t) === LETTERS[k]);
	if (labelled) texts = texts.map((t) => t.replace(OPTION_LABEL, '').trim());
	if (!labelled && !list) return r;
	return { ...r, ...Object.fromEntries(texts.map((t, k) => [optionColumn(k), t])) };
}

// Where A's label may start a choice's options written into its stem: at a line's start, or after
// a space, the question's mark, or the brackets left for the answer (`（ ）A、三日 B、七日`).
const STEM_OPTION_A =
	/(?:^|(?<=[\s？?：:）)]))(?:[(（【][ \t\u00a0\u3000]*[AＡ][ \t\u00a0\u3000]*[)）】]|[AＡ][ \t\u00a0\u3000]*[.．、:：)）])/g;

/**
 * A choice's options written into its stem, as exam systems that keep a question in one cell export
 * them (`听证应当在几日前通知？\nA.三日\nB.七日`, or on one line): with no option cell nor
 * 选项 list, every answer letter named an empty option and the row was refused. The stem is cut
 * at the last A label from which B … follow in order (see {@link splitAtLabels}); only for
 * 单选, 多选 and 判断 rows, whose stems hold no labelled list of their own.
 */
function optionsInStem(
	r: Row,
	cell: (r: Row, c: string) => string
): { stem: string; options: Record<string, string> } | undefined {
	const type = questionTypeNamed(cell(r, '题型'));
	if (type !== 'single' && type !== 'multiple' && type !== 'truefalse') return undefined;
	const stem = cell(r, '题干');
	let found: { stem: string; options: string[] } | undefined;
	for (const m of stem.matchAll(STEM_OPTION_A)) {
		const parts = splitAtLabels(stem.slice(m.index));
		const before = stem.slice(0, m.index).trim();
		if (parts && parts.length >= 2 && before) found = { stem: before, options: parts };
	}
	if (!found || found.options.length > LETTERS.length) return undefined;
	const options = found.options.map((t) => t.replace(OPTION_LABEL, '').trim());
	return {
		stem: found.stem,
		options: Object.fromEntries(options.map((t, k) => [optionColumn(k), t]))
	};
}

function columnOf(path: string): string {
	const p = path.replace(/^parts\.\d+\./, '');
	const opt = /^options\.(\d+)/.exec(p);
	if (opt) return optionColumn(Number(opt[1]));
	if (p.startsWith('options') || p.startsWith('blanks')) return '答案';
	if (p.startsWith('stem')) return '题干';
	if (p.startsWith('difficulty')) return '难度';
	if (p.startsWith('laws')) return p.endsWith('articleNo') ? '条款' : '法律';
	if (p.startsWith('points') || p.startsWith('weight')) return '分值';
	if (p.startsWith('parts')) return '所属案例';
	if (p.startsWith('id')) return '编号';
	return '题型';
}

function parseRow(
	r: Row,
	line: number,
	id: string,
	isPart: boolean,
	err: (code: string, column: string, data?: Record<string, unknown>) => void,
	cell: (r: Row, c: string) => string
): QuestionVersion | undefined {
	const typeText = cell(r, '题型');
	// as a sheet's tab names it: `单选题（2分）`, `一、判断题` too
	const type = questionTypeNamed(typeText);
	if (!type) err('format.row.type', '题型', { value: typeText });
	const num = (
		column: string,
		integer: boolean,
		unit = '',
		code = 'format.row.number'
	): number | undefined => {
		const written = cell(r, column).normalize('NFKC');
		// `2分`: the unit some sheets type after the points
		const text = unit && written.endsWith(unit) ? written.slice(0, -unit.length).trim() : written;
		if (!written) return undefined;
		const n = text ? Number(text) : NaN;
		if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
			err(code, column, { value: written });
			return undefined;
		}
		return n;
	};
	const explanation = cell(r, '解析');
	const points = num('分值', false, '分');
	const meta = {
		id,
		version: 1,
		stem: cell(r, '题干'),
		...(explanation ? { explanation } : {}),
		difficulty: isPart
			? 3
			: (DIFFICULTY_WORDS[cell(r, '难度')] ??
				starDifficulty(cell(r, '难度')) ??
				coefficientDifficulty(cell(r, '难度')) ??
				levelDifficulty(cell(r, '难度')) ??
				// a word of its own, or a number on another scale (0–100, 1–10): say what is read
				difficultyUnread(cell(r, '难度'), err)),
		laws: isPart ? [] : parseLaws(cell(r, '法律'), cell(r, '条款'), err),
		...(!isPart && cell(r, '知识点') ? { topic: cell(r, '知识点') } : {}),
		tags: isPart ? [] : splitList(cell(r, '标签'), /[、,，;；|｜]/),
		...(points === undefined ? {} : { points })
	};
	if (!type) {
		if (!meta.stem)
			err('format.row.question', '题干', { issue: { code: 'question.stem.empty', data: {} } });
		return undefined;
	}
	// A row with a bad answer is still built (with no answer) so that its other problems are found.
	const body = QUESTION_TYPE_MODULES[type].rows.read({
		answer: cell(r, '答案').replace(ANSWER_LABEL, ''),
		cell: (c) => cell(r, c),
		isPart,
		error: (code, column, data) => err(code, column, data)
	});
	// cells are plain text: what they say shows as written (see plain-cells.ts)
	return body && cellsToMarkdown({ ...meta, ...body } as QuestionVersion);
}

/**
 * The label an answer copied from a printed paper or Word keeps before it (`答案：B`, `正确答案: AB`,
 * `参考答案：依法行政`): no answer of any type starts so, and with it every choice was refused.
 */
const ANSWER_LABEL = /^(?:正确|参考|标准)?答案[ \t\u3000]*[:：][ \t\u3000]*/;

/** The default difficulty for an empty 难度; any other text is reported at its row and column. */
function difficultyUnread(
	text: string,
	err: (code: string, column: string, data?: Record<string, unknown>) => void
): number {
	if (text) err('format.row.difficulty', '难度', { value: text });
	return 3;
}

function splitList(text: string, sep: RegExp): string[] {
	return text
		.split(sep)
		.map((t) => t.trim())
		.filter(Boolean);
}

function parseLaws(
	laws: string,
	articles: string,
	err: (code: string, column: string, data?: Record<string, unknown>) => void
): LawRef[] {
	const names = splitList(laws, /[;；]/).map((n) => n.replace(/[《》]/g, '').trim());
	const groups = articles ? articles.split(/[;；]/) : [];
	if (groups.length > names.length) {
		err('format.row.article', '条款', { value: articles });
		return [];
	}
	const out: LawRef[] = [];
	names.forEach((lawId, i) => {
		const list = splitList(groups[i] ?? '', /[、,，]/);
		if (list.length === 0) out.push({ lawId });
		for (const a of list) {
			const n = parseArticleNo(a);
			if (n === undefined) err('format.row.article', '条款', { value: a });
			else out.push({ lawId, articleNo: n });
		}
	});
	return out;
}

/**
 * Writes questions as spreadsheet rows (header first), the inverse of {@link parseRows}. Questions
 * with more than 8 options, or answers containing `;` `|` (fill-in), are reported and left out.
 * Option ids become A…H and option feedback is not written; everything else round-trips. Texts
 * are written as they show (the escapes of plain text off); a question whose Markdown has
 * formatting (bold, a list) is written with its marks and named in `notes`
 * (`format.export.markdown_in_cells`): its cells read back show the marks as text.
 *
 * @param questions - the question versions
 * @returns `output`: rows with the header row first (use it for xlsx/csv), and `issues`
 * @example
 * const { output } = questionsToRows(questions);
 * parseRows(output).questions; // the same questions again
 */
export function questionsToRows(questions: readonly QuestionVersion[]): ExportResult<string[][]> {
	const rows: string[][] = [[...ROW_HEADERS]];
	const issues: Issue[] = [];
	const notes: Issue[] = [];
	const full = (cells: Partial<Record<RowField, string>>) => ROW_HEADERS.map((h) => cells[h] ?? '');
	for (const stored of questions) {
		// cells are plain text: a question's Markdown formatting (bold, a list) is written with its
		// marks, which an import reads as text; written all the same, and said so
		if (!isPlainInCells(stored))
			notes.push({
				code: 'format.export.markdown_in_cells',
				data: { questionId: stored.id, type: stored.type, format: 'rows' }
			});
		const q = markdownToCells(stored);
		// a case's sub-questions follow it, each naming it in 所属案例
		const parts = 'parts' in q ? q.parts : [];
		const main = bodyRow(QUESTION_TYPE_MODULES, q);
		const partRows = parts.map((p) => bodyRow(PART_TYPE_MODULES, p));
		if (!main || partRows.some((p) => !p)) {
			issues.push({
				code: 'format.export.unsupported',
				data: { questionId: q.id, type: q.type, format: 'rows' }
			});
			continue;
		}
		const lawIds = [...new Set(q.laws.map((l) => l.lawId))];
		const groups = lawIds.map((id) =>
			q.laws
				.filter((l) => l.lawId === id && l.articleNo !== undefined)
				.map((l) => formatArticleNo(l.articleNo!))
				.join('、')
		);
		rows.push(
			full({
				...main,
				编号: q.id,
				分值: q.points === undefined ? '' : String(q.points),
				难度: String(q.difficulty),
				法律: lawIds.join(';'),
				条款: groups.some(Boolean) ? groups.join(';') : '',
				知识点: q.topic ?? '',
				标签: q.tags.join('、')
			})
		);
		parts.forEach((p, i) =>
			rows.push(
				full({
					...partRows[i],
					所属案例: q.id,
					...(p.weight === undefined ? {} : { 分值: String(p.weight) })
				})
			)
		);
	}
	return { output: rows, issues, ...(notes.length ? { notes } : {}) };
}
