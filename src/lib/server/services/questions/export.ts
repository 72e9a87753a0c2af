import { and, asc, count, eq, gt, inArray } from 'drizzle-orm';
import {
	type Issue,
	QUESTION_TYPES,
	type QuestionVersion,
	ROW_HEADERS,
	parseRows,
	questionsToRows,
	writeAiken,
	writeGift
} from '@xuefa/core';
import { t } from '$lib/i18n.ts';
import { authorizeAnywhere } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { question, questionVersion } from '../../db/schema/index.ts';
import { issueMessages } from '../../core-messages.ts';
import {
	type ListExport,
	type SheetSpec,
	keysetPages,
	writeWorkbook
} from '../../spreadsheet/index.ts';
import { loadBank } from '../banks/access.ts';
import { TEMPLATE_EXAMPLES } from './template-examples.ts';

/** The id a question is exported under: its 编号 from an import, else `xuefa-<id>` (see import). */
const exportId = (q: { id: number; externalId: string | null }) => q.externalId ?? `xuefa-${q.id}`;

const currentVersionOf = and(
	eq(questionVersion.questionId, question.id),
	eq(questionVersion.version, question.currentVersion)
);

/** The bank's current questions that are not retired. */
const currentOf = (bankId: number) =>
	and(eq(question.bankId, bankId), inArray(question.status, ['draft', 'ready']));

/**
 * The current versions of the bank's questions that are not retired, in the order they were
 * added, a page at a time: a bank of 50,000 questions is never held whole, and other requests run
 * between two pages.
 */
function questionPages(ctx: Ctx, bankId: number, pageSize = 200) {
	const fetch = (after: { id: number } | undefined, limit: number) =>
		ctx.db
			.select({ id: question.id, externalId: question.externalId, data: questionVersion.data })
			.from(question)
			.innerJoin(questionVersion, currentVersionOf)
			.where(and(currentOf(bankId), after && gt(question.id, after.id)))
			.orderBy(asc(question.id))
			.limit(limit);
	return keysetPages(fetch, pageSize);
}

/** A question's current version, under the id it is exported with. */
const versionOf = (r: { id: number; externalId: string | null; data: QuestionVersion }) =>
	({ ...r.data, id: exportId(r) }) as QuestionVersion;

const questionSheet = (name: string, rows: string[][]): SheetSpec => ({
	name,
	columns: ROW_HEADERS.map((h) => ({
		header: h,
		width: h === '题干' ? 48 : h.startsWith('选项') || h === '解析' ? 24 : 10,
		...(h === '题型' ? { list: ['单选', '多选', '判断', '填空', '简答', '案例分析'] } : {}),
		...(h === '编号' ? { text: true } : {})
	})),
	rows
});

/** The questions a format could not hold, one line each, never dropped silently. */
function notesSheet(
	issues: Issue[],
	name = t('bank_export_notes_sheet'),
	header = t('bank_export_notes_header')
): SheetSpec[] {
	if (issues.length === 0) return [];
	return [
		{
			name,
			columns: [{ header, width: 80 }],
			rows: issueMessages(issues).map((m) => [m]),
			validationRows: 0
		}
	];
}

/**
 * The bank as a workbook in the import template's columns, so that it can be edited and imported
 * again; the questions a sheet cannot hold, and those written with their Markdown marks, are
 * listed on sheets after them. Streamed while the questions are read a page at a time: built in
 * memory, a bank of 5,000 questions took 8 s on the thread that serves everyone.
 */
export async function exportBankXlsx(ctx: Ctx, bankId: number): Promise<ListExport> {
	await loadBank(ctx, bankId);
	const [total] = await ctx.db.select({ n: count() }).from(question).where(currentOf(bankId));
	const notes: SheetSpec[] = [];
	async function* pages() {
		const issues: Issue[] = [];
		const formatting: Issue[] = [];
		for await (const page of questionPages(ctx, bankId, 500)) {
			const { output, issues: left, notes: marks = [] } = questionsToRows(page.map(versionOf));
			issues.push(...left);
			formatting.push(...marks);
			yield output.slice(1);
		}
		notes.push(
			...notesSheet(issues),
			// written, but their formatting marks will read back as text
			...notesSheet(
				formatting,
				t('bank_export_formatting_sheet'),
				t('bank_export_formatting_header')
			)
		);
	}
	const { name, columns } = questionSheet(t('bank_sheet_questions'), []);
	return { sheet: name, columns, rows: total?.n ?? 0, pages: pages(), notes };
}

/** The parts of a text file, a line break between two that are not empty. */
async function* lines(parts: AsyncIterable<string>): AsyncGenerator<string> {
	let first = true;
	for await (const part of parts) {
		if (part === '') continue;
		yield first ? part : `\n${part}`;
		first = false;
	}
}

/** What a written export went through: the questions read, and those it could not hold. */
interface Tally {
	read: number;
	left: Issue[];
}

/** The bank's questions written a page at a time by `write`, counted in `tally`. */
async function* writtenPages(
	ctx: Ctx,
	bankId: number,
	write: (page: QuestionVersion[]) => { output: string; issues: Issue[] },
	tally: Tally = { read: 0, left: [] }
): AsyncGenerator<string> {
	for await (const page of questionPages(ctx, bankId)) {
		const { output, issues } = write(page.map(versionOf));
		tally.read += page.length;
		tally.left.push(...issues);
		yield output;
	}
}

/** GIFT a page at a time, each page going on under the category the one before left in force. */
function giftPages(ctx: Ctx, bankId: number, tally?: Tally) {
	let category: string | undefined;
	return writtenPages(
		ctx,
		bankId,
		(page) => {
			const written = writeGift(page, { category });
			const left = new Set(written.issues.map((i) => i.data?.questionId));
			category = page.findLast((q) => !left.has(q.id) && q.topic !== undefined)?.topic ?? category;
			return written;
		},
		tally
	);
}

const aikenPages = (ctx: Ctx, bankId: number, tally?: Tally) =>
	writtenPages(ctx, bankId, writeAiken, tally);

/** Reads the whole bank through `pages`, keeping only the tally: what the file will hold. */
async function tallied(
	pages: (ctx: Ctx, bankId: number, tally: Tally) => AsyncIterable<string>,
	ctx: Ctx,
	bankId: number
): Promise<Tally> {
	const tally: Tally = { read: 0, left: [] };
	for await (const page of pages(ctx, bankId, tally)) void page;
	return tally;
}

/**
 * The bank as GIFT, streamed a page of questions at a time. Questions GIFT cannot hold (case
 * analysis, fill-ins with several blanks) are listed in comments at the top of the file: they are
 * found by a first reading of the bank, which keeps only them.
 */
export async function exportBankGift(ctx: Ctx, bankId: number) {
	const bank = await loadBank(ctx, bankId);
	const { left: issues } = await tallied(giftPages, ctx, bankId);
	const notes = issues.length
		? [`// ${t('bank_export_notes_header')}`, ...issueMessages(issues).map((m) => `// ${m}`), '']
		: [];
	async function* parts() {
		yield notes.join('\n');
		yield* giftPages(ctx, bankId);
	}
	return { bank, left: issues.length, text: lines(parts()) };
}

/**
 * The bank as Aiken, which holds only single-choice questions, streamed a page of questions at a
 * time. Unlike GIFT, Aiken has no comment lines (a note in the file would read back as a stem):
 * the questions left out are listed by the export page ({@link exportSummary}).
 */
export async function exportBankAiken(ctx: Ctx, bankId: number) {
	const bank = await loadBank(ctx, bankId);
	return { bank, text: lines(aikenPages(ctx, bankId)) };
}

/** How many of the questions left out an export page (Aiken, GIFT) lists, unless asked for all. */
export const AIKEN_LEFT_SHOWN = 20;

/**
 * What an Aiken or GIFT export of the bank writes and leaves out, for its page: the questions left
 * out counted by reason and type (most first), and the first {@link AIKEN_LEFT_SHOWN} of them one
 * sentence each — all of them only when `all` is asked for, as a bank of thousands of questions,
 * mostly of other types, would otherwise make a page of thousands of lines.
 */
export async function exportSummary(
	ctx: Ctx,
	bankId: number,
	options: { all: boolean; format?: 'aiken' | 'gift' }
) {
	const bank = await loadBank(ctx, bankId);
	const { read, left: issues } = await tallied(
		options.format === 'gift' ? giftPages : aikenPages,
		ctx,
		bankId
	);
	const reasons = new Map<string, { reason: string; type: string; n: number }>();
	for (const i of issues) {
		const type = String(i.data?.type ?? '');
		const key = `${i.code} ${type}`;
		const counted = reasons.get(key) ?? { reason: i.code, type, n: 0 };
		counted.n++;
		reasons.set(key, counted);
	}
	return {
		bank,
		written: read - issues.length,
		leftCount: issues.length,
		reasons: [...reasons.values()].sort((a, b) => b.n - a.n),
		left: issueMessages(options.all ? issues : issues.slice(0, AIKEN_LEFT_SHOWN))
	};
}

/** {@link exportSummary} of the Aiken export. */
export const aikenExportSummary = (ctx: Ctx, bankId: number, options: { all: boolean }) =>
	exportSummary(ctx, bankId, { ...options, format: 'aiken' });

const HELP_KEYS: Record<string, string> = {
	编号: 'id',
	题型: 'type',
	题干: 'stem',
	选项A: 'options',
	答案: 'answer',
	解析: 'explanation',
	分值: 'points',
	难度: 'difficulty',
	法律: 'law',
	条款: 'article',
	知识点: 'topic',
	标签: 'tags',
	所属案例: 'case',
	评分标准: 'rubric'
};

/**
 * The import template: an empty 试题 sheet with the core's headers (the sheet an import reads), an
 * example sheet with one question of every type, and the 填写说明 sheet.
 */
export async function questionTemplate(ctx: Ctx): Promise<Uint8Array> {
	authorizeAnywhere(ctx, 'bank.manage');
	const examples = TEMPLATE_EXAMPLES.map((r) => [...r]);
	// the examples must always import cleanly: a template that fails its own import helps nobody
	if (!parseRows([[...ROW_HEADERS], ...examples]).ok) throw new Error('template examples invalid');
	const help: SheetSpec = {
		name: t('bank_sheet_help'),
		columns: [
			{ header: t('bank_help_column'), width: 14 },
			{ header: t('bank_help_meaning'), width: 90 }
		],
		rows: [
			...Object.entries(HELP_KEYS).map(([h, k]) => [
				h === '选项A' ? '选项A…选项H' : h,
				t(`bank_help_${k}`)
			]),
			[],
			['', t('bank_help_types', { types: QUESTION_TYPES.length })],
			['', t('bank_help_all_or_nothing')]
		],
		validationRows: 0
	};
	return writeWorkbook([
		questionSheet(t('bank_sheet_questions'), []),
		questionSheet(t('bank_sheet_examples'), examples),
		help
	]);
}
