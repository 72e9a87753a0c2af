import { and, eq, inArray } from 'drizzle-orm';
import {
	type QuestionType,
	type QuestionVersion,
	XuefaError,
	leastEscaped,
	sameContent
} from '@xuefa/core';
import { t } from '$lib/i18n.ts';
import type { ImportColumnsInput, QuestionImportInput } from '$lib/schemas/banks.ts';
import { type Ctx, transact } from '../../context.ts';
import { bankImportColumn, question, questionVersion } from '../../db/schema/index.ts';
import { markdownToText } from '../../markdown.ts';
import { type JobIssues, MAX_ISSUES, jobIssues } from '../../uploads/issues.ts';
import { missingArticleText, missingArticles } from '../laws/citations.ts';
import { AppError } from '../../errors.ts';
import { describeCoreError, issueMessages } from '../../core-messages.ts';
import type { Upload } from '../../spreadsheet/index.ts';
import { appendAudit } from '../audit/append.ts';
import { loadBank } from '../banks/access.ts';
import { ImportFailedError, type JobHooks, startImportJob } from '../imports/job.ts';
import { type PagedRows, keepPreview, previewPage } from '../imports/preview-pages.ts';
import { readStaged, stage } from '../imports/staging.ts';
import { boundFileName } from '../../uploads/file-name.ts';
import { parseUpload } from '../../uploads/pool.ts';
import { bigramsOf } from '../../search/grams.ts';
import { timeSlices } from '../../time-slice.ts';
import { OWN_ID, contentOf, externalIdOf } from './identity.ts';
import type { ImportFormat, ReadQuestions, SheetRows } from './read-upload.ts';
import { QUESTION_TARGETS, publishQuestions } from './publish.ts';
import {
	type QuestionContent,
	type QuestionDraft,
	questionDraft,
	questionFacts,
	versionRows
} from './store.ts';

export const QUESTIONS_KIND = 'questions';
/** A spreadsheet kept while the organiser says what its unknown columns are. */
export const QUESTION_SHEET_KIND = 'question-sheet';

type Action = 'create' | 'update' | 'unchanged';
type Counts = Record<Action, number>;

export interface ImportProblem {
	/** Row (spreadsheets) or line (GIFT, Aiken); absent for problems of the whole file. */
	line?: number;
	/** The sheet the row is on, in a workbook of several. */
	sheet?: string;
	message: string;
}

interface StagedQuestions {
	bankId: number;
	format: ImportFormat;
	questions: { externalId: string | null; content: QuestionContent }[];
	/** Problems in the file: the questions they concern are left out, which the import must accept. */
	skipped?: number;
}

interface StagedSheet {
	bankId: number;
	format: ImportFormat;
	sheets: SheetRows[];
	passedOver: string[];
	examples?: string[];
	/** One sheet's rows, as kept before workbooks were read whole (staged before an upgrade). */
	rows?: string[][];
}

/** A question as the preview lists it, with what importing will do to it. */
export interface PreviewQuestion {
	externalId: string | null;
	type: QuestionType;
	/** As the question will read (Markdown as text), once on a page; kept as Markdown till then. */
	stem: string;
	action: Action;
}

export interface QuestionImportPreview {
	bankId: number;
	fileName: string;
	format: ImportFormat;
	/**
	 * The id to confirm the import with: set when some questions can be imported and every column
	 * is known. With `errors`, confirming imports the rest and must say so (`acceptSkipped`).
	 */
	stagedId: string | null;
	/** The first problems, with `errorCount` saying how many there are in all. */
	errors: ImportProblem[];
	errorCount: number;
	/** Not refusals: citations of articles the library's law does not have. */
	warnings: ImportProblem[];
	/** Spreadsheet headers nobody knows yet, and the kept sheet to read again once answered. */
	columns: { sheetId: string; unknown: string[] } | null;
	/** Sheets of the workbook that have rows but no header near their top, and were not read. */
	passedOver: string[];
	/** Sheets of examples left out, another sheet holding the questions. */
	examples: string[];
	/** Rows left out as a template's example (示例, 例：…). */
	exampleRows: { line: number; sheet?: string }[];
	counts: Counts;
	byType: Partial<Record<QuestionType, number>>;
	/** Every question that will be imported, in the file's order. */
	rows: PreviewQuestion[];
}

/** A question preview as a page shows it: a page of its questions (see preview-pages.ts). */
export type QuestionImportPreviewPage = Omit<QuestionImportPreview, 'rows'> &
	PagedRows<PreviewQuestion>;

// as the question will read: an imported `1\. 罚款\*` is `1. 罚款*` (a page of them at a time:
// rendering Markdown is the costly part of listing 5,000 questions)
const asText = (rows: PreviewQuestion[]) =>
	rows.map((q) => ({ ...q, stem: markdownToText(q.stem) }));

export interface QuestionImportResult {
	fileName: string;
	counts: Counts;
	/** What the created and updated questions are now: drafts awaiting review, or ready. */
	status: 'draft' | 'ready';
}

/**
 * What importing would do to each question: update the question with the same 编号 / GIFT title
 * (or the `xuefa-<id>` an export wrote) in this bank, create one otherwise, or nothing when the
 * content is the same.
 */
async function plan(ctx: Ctx, bankId: number, items: StagedQuestions['questions']) {
	const ids = items.flatMap((i) => (i.externalId === null ? [] : [i.externalId]));
	const own = ids.flatMap((id) => {
		const m = OWN_ID.exec(id);
		return m ? [Number(m[1])] : [];
	});
	const byExternal = new Map<string, { id: number; data: QuestionVersion }>();
	const byOwn = new Map<number, { id: number; data: QuestionVersion }>();
	const current = and(
		eq(questionVersion.questionId, question.id),
		eq(questionVersion.version, question.currentVersion)
	);
	// the embedded driver answers at once: without a pause, the pages of a 5,000-question file
	// would be read back to back, in one turn of the event loop
	const pause = timeSlices();
	for (let i = 0; i < Math.max(ids.length, own.length); i += 500) {
		await pause();
		const rows = await ctx.db
			.select({ id: question.id, externalId: question.externalId, data: questionVersion.data })
			.from(question)
			.innerJoin(questionVersion, current)
			.where(and(eq(question.bankId, bankId), inArray(question.externalId, ids.slice(i, i + 500))));
		for (const r of rows) byExternal.set(r.externalId!, r);
		const mine = await ctx.db
			.select({ id: question.id, data: questionVersion.data })
			.from(question)
			.innerJoin(questionVersion, current)
			.where(and(eq(question.bankId, bankId), inArray(question.id, own.slice(i, i + 500))));
		for (const r of mine) byOwn.set(r.id, r);
	}
	const seen = new Set<string>();
	const problems: ImportProblem[] = [];
	// comparing 5,000 questions with their current versions: let requests through meanwhile
	const planned: (StagedQuestions['questions'][number] & {
		action: Action;
		questionId: number | undefined;
	})[] = [];
	for (const item of items) {
		const key = item.externalId;
		if (key !== null) {
			if (seen.has(key)) problems.push({ message: t('bank_import_duplicate_id', { id: key }) });
			seen.add(key);
		}
		const ownId = key === null ? undefined : OWN_ID.exec(key)?.[1];
		const existing =
			key === null ? undefined : (byExternal.get(key) ?? byOwn.get(Number(ownId ?? 0)));
		const incoming = { ...item.content, id: '', version: 0 } as QuestionVersion;
		// a question imported before escaping was cut to what matters (A\&B, now A&B) and written
		// back from its export shows the same: unchanged, not a new version to review again
		const action: Action = !existing
			? 'create'
			: sameContent(existing.data, incoming) || sameContent(leastEscaped(existing.data), incoming)
				? 'unchanged'
				: 'update';
		planned.push({ ...item, action, questionId: existing?.id });
		await pause();
	}
	const versions = new Map([...byExternal.values(), ...byOwn.values()].map((r) => [r.id, r.data]));
	return { planned, problems, current: versions };
}

/** The bank's answers about columns of other platforms' spreadsheets: header → field. */
async function savedColumns(ctx: Ctx, bankId: number): Promise<Record<string, string>> {
	const rows = await ctx.db
		.select({ header: bankImportColumn.header, field: bankImportColumn.field })
		.from(bankImportColumn)
		.where(eq(bankImportColumn.bankId, bankId));
	return Object.fromEntries(rows.map((r) => [r.header, r.field]));
}

/**
 * Reads an uploaded question file (.xlsx, .xls, .csv, GIFT, Aiken) on the upload worker and reports what
 * importing it into the bank would do, or every problem with its row or line number. The good
 * questions are kept for 30 minutes to be confirmed by `importQuestions`; when the file has
 * problems, confirming imports only those and must say so.
 */
export async function previewQuestionImport(
	ctx: Ctx,
	input: { bankId: number; format?: ImportFormat | 'auto' },
	upload: Upload
): Promise<QuestionImportPreviewPage> {
	const bank = await loadBank(ctx, input.bankId);
	if (bank.archived) throw new AppError('bank_archived_readonly');
	const read = await parseUpload<ReadQuestions>(
		{
			kind: 'questions',
			upload,
			format: input.format ?? 'auto',
			columns: await savedColumns(ctx, bank.id)
		},
		ctx.user.id
	);
	// the name is shown in the preview's heading: as it will be kept (see staging)
	return previewOf(ctx, bank.id, boundFileName(upload.name), read);
}

/**
 * Remembers what the organiser said the unknown columns of a kept sheet are (for this bank's next
 * files too) and previews the sheet again with them.
 */
export async function answerImportColumns(
	ctx: Ctx,
	input: ImportColumnsInput
): Promise<QuestionImportPreviewPage> {
	const bank = await loadBank(ctx, input.bankId);
	if (bank.archived) throw new AppError('bank_archived_readonly');
	const staged = await readStaged<StagedSheet>(ctx, QUESTION_SHEET_KIND, input.sheetId);
	if (staged.payload.bankId !== bank.id) throw new AppError('import_staged_expired');
	const answers = Object.entries(input.columns);
	if (answers.length > 0) {
		await transact(ctx, async (tx) => {
			for (const [header, field] of answers) {
				await tx.db
					.insert(bankImportColumn)
					.values({ bankId: bank.id, header, field })
					.onConflictDoUpdate({
						target: [bankImportColumn.bankId, bankImportColumn.header],
						set: { field }
					});
			}
		});
	}
	const read = await parseUpload<ReadQuestions>(
		{
			kind: 'rows',
			sheets: staged.payload.sheets ?? [{ name: '', rows: staged.payload.rows ?? [] }],
			passedOver: staged.payload.passedOver ?? [],
			examples: staged.payload.examples ?? [],
			columns: await savedColumns(ctx, bank.id)
		},
		ctx.user.id
	);
	return previewOf(ctx, bank.id, staged.fileName, read);
}

const label = (q: QuestionVersion) => externalIdOf(q) ?? markdownToText(q.stem).slice(0, 30);

async function previewOf(
	ctx: Ctx,
	bankId: number,
	fileName: string,
	read: ReadQuestions
): Promise<QuestionImportPreviewPage> {
	const { format, result } = read;
	const items = result.questions.map((q) => ({
		externalId: externalIdOf(q),
		content: contentOf(q)
	}));
	const { planned, problems } = await plan(ctx, bankId, items);
	const messages = issueMessages(result.issues);
	const errors: ImportProblem[] = [
		...result.issues.map((issue, i) => ({
			...(issue.line === undefined ? {} : { line: issue.line }),
			...(issue.sheet === undefined ? {} : { sheet: issue.sheet }),
			message: messages[i]!
		})),
		...problems
	];
	const missing = new Set(
		(
			await missingArticles(
				ctx,
				result.questions.flatMap((q) => q.laws)
			)
		).map((m) => `${m.lawId}#${m.articleNo}`)
	);
	const warnings = result.questions
		.flatMap((q) =>
			q.laws
				.filter((l) => missing.has(`${l.lawId}#${l.articleNo}`))
				.map((l) => ({
					message: `${t('common_label', { label: label(q) })}${missingArticleText({ lawId: l.lawId, articleNo: l.articleNo! })}`
				}))
		)
		.slice(0, MAX_ISSUES);
	const counts: Counts = { create: 0, update: 0, unchanged: 0 };
	const byType: Partial<Record<QuestionType, number>> = {};
	for (const p of planned) {
		counts[p.action]++;
		byType[p.content.type] = (byType[p.content.type] ?? 0) + 1;
	}
	const unknown = read.unknownColumns;
	const columns =
		unknown.length > 0 && read.sheets
			? {
					unknown,
					sheetId: await stage<StagedSheet>(ctx, QUESTION_SHEET_KIND, {
						fileName,
						payload: {
							bankId,
							format,
							sheets: read.sheets,
							passedOver: read.passedOver,
							examples: read.examples
						}
					})
				}
			: null;
	const skipped = read.issueCount;
	const stagedId =
		!columns && planned.length > 0 && problems.length === 0
			? await stage<StagedQuestions>(ctx, QUESTIONS_KIND, {
					fileName,
					payload: { bankId, format, questions: items, ...(skipped ? { skipped } : {}) }
				})
			: null;
	const preview: QuestionImportPreview = {
		bankId,
		fileName,
		format,
		stagedId,
		errors,
		errorCount: read.issueCount + problems.length,
		warnings,
		columns,
		passedOver: read.passedOver,
		examples: read.examples,
		exampleRows: read.exampleRows,
		counts,
		byType,
		rows: planned.map((p) => ({
			externalId: p.externalId,
			type: p.content.type,
			stem: p.content.stem,
			action: p.action
		}))
	};
	// nothing to import: the problems are shown, not the questions
	return keepPreview(ctx, QUESTIONS_KIND, fileName, preview, stagedId, asText);
}

/** Another page of a question preview of this user's, for the bank it was made for. */
export async function questionPreviewPage(
	ctx: Ctx,
	bankId: number,
	asked: { id: string; page: number }
): Promise<QuestionImportPreviewPage> {
	await loadBank(ctx, bankId);
	const page = await previewPage<QuestionImportPreview, PreviewQuestion, PreviewQuestion>(
		ctx,
		QUESTIONS_KIND,
		asked,
		asText
	);
	if (page.bankId !== bankId) throw new AppError('import_staged_expired');
	return page;
}

/** The problems a failed question job shows, when the file no longer imports. */
export type QuestionJobDetails = JobIssues<ImportProblem>;

/**
 * Starts importing a previewed file into its bank as a background job (services/imports/job.ts),
 * all or nothing: each question is checked again against the bank as it is now; a question whose
 * 编号 is already in the bank gets a new version (or nothing when unchanged), never a duplicate —
 * the same rows `storeQuestion` writes, staged in short transactions and published at once.
 * What the import writes lands as drafts to review, unless the importer chose ready on the
 * preview.
 * @returns the job's id, to follow it on the import page, and when it finishes (for tests)
 */
export async function startQuestionImport(
	ctx: Ctx,
	input: Omit<QuestionImportInput, 'acceptSkipped' | 'status'> &
		Partial<Pick<QuestionImportInput, 'acceptSkipped' | 'status'>>,
	hooks: JobHooks = {}
): Promise<{ id: string; finished: Promise<void> }> {
	const status = input.status ?? 'draft';
	const bank = await loadBank(ctx, input.bankId);
	if (bank.archived) throw new AppError('bank_archived_readonly');
	const staged = await readStaged<StagedQuestions>(ctx, QUESTIONS_KIND, input.stagedId);
	if (staged.payload.bankId !== bank.id) throw new AppError('import_staged_expired');
	// a file with problems imports its good questions only when the organiser has said so
	const skipped = staged.payload.skipped ?? 0;
	if (skipped > 0 && !input.acceptSkipped) throw new AppError('bank_import_confirm_skipped');
	const id = input.stagedId;
	let result: QuestionImportResult | undefined;
	const { finished } = await startImportJob(
		ctx,
		{ kind: QUESTIONS_KIND, id, fileName: staged.fileName, ...hooks },
		{
			async prepare(job) {
				const items = staged.payload.questions;
				await job.phase('import_phase_checking', items.length);
				const { planned, problems, current } = await plan(ctx, bank.id, items);
				if (problems.length > 0) {
					// stored with the job, as the preview lists them: the first 200 and how many
					const details: QuestionJobDetails = jobIssues(problems);
					throw new ImportFailedError({ message: t('bank_import_nothing_imported'), details });
				}
				const rows = await questionRows(planned, current, status);
				await job.step(items.length);
				const first = await job.reserve('question', rows.creates);
				const numbered = await rows.number(first);
				const targets = Object.entries(QUESTION_TARGETS) as [
					keyof typeof QUESTION_TARGETS,
					string
				][];
				await job.phase(
					'import_phase_writing',
					2 * numbered.searchAhead.length + targets.reduce((n, [k]) => n + numbered[k].length, 0)
				);
				await job.searchAhead('question_fts', numbered.searchAhead);
				await job.searchAhead('question_bigram', numbered.bigramAhead);
				for (const [key, target] of targets) await job.stage(target, numbered[key]);
				result = { fileName: staged.fileName, counts: rows.counts, status };
			},
			async publish(tx) {
				await publishQuestions(tx, id, bank.id);
				await appendAudit(tx, {
					action: 'bank.imported',
					entityType: 'question_bank',
					entityId: bank.id,
					unitId: bank.unitId,
					after: {
						fileName: staged.fileName,
						format: staged.payload.format,
						status,
						...result!.counts,
						...(skipped ? { skipped } : {})
					}
				});
				return result!;
			}
		}
	);
	return { id, finished };
}

/**
 * Checks every planned question (the core's rules, as storeQuestion does) and works out the rows
 * it writes; new questions get their ids once they are reserved (`number`).
 */
async function questionRows(
	planned: Awaited<ReturnType<typeof plan>>['planned'],
	current: Map<number, QuestionVersion>,
	status: QuestionImportResult['status']
) {
	const counts: Counts = { create: 0, update: 0, unchanged: 0 };
	const work: { draft: QuestionDraft; externalId: string | null; questionId?: number }[] = [];
	// checking and building 5,000 questions is seconds of CPU work: let requests through meanwhile
	const pause = timeSlices();
	for (const p of planned) {
		const previous = p.questionId === undefined ? undefined : current.get(p.questionId);
		let draft: QuestionDraft | null;
		try {
			draft = questionDraft(p.content, previous);
		} catch (e) {
			if (!(e instanceof XuefaError)) throw e;
			throw new ImportFailedError({ message: describeCoreError(e) }, { cause: e });
		}
		counts[!draft ? 'unchanged' : p.questionId === undefined ? 'create' : 'update']++;
		if (draft) work.push({ draft, externalId: p.externalId, questionId: p.questionId });
		await pause();
	}
	return {
		counts,
		creates: counts.create,
		async number(first: number) {
			const out = {
				questionInsert: [] as object[],
				questionUpdate: [] as object[],
				versionInsert: [] as object[],
				refInsert: [] as object[],
				tagInsert: [] as object[],
				searchReplace: [] as { rowid: number; text: string }[],
				searchAhead: [] as { rowid: number; text: string }[],
				bigramAhead: [] as { rowid: number; text: string }[],
				bigramInsert: [] as { rowid: number; grams: string }[]
			};
			let next = first;
			for (const w of work) {
				const questionId = w.questionId ?? next++;
				const facts = questionFacts(w.draft);
				const rows = versionRows(w.draft, questionId);
				if (w.questionId === undefined) {
					out.questionInsert.push({ id: questionId, externalId: w.externalId, status, ...facts });
					out.searchAhead.push({ rowid: questionId, text: rows.search.body });
					out.bigramAhead.push({ rowid: questionId, text: bigramsOf(rows.search.body) });
				} else {
					const seen = w.draft.version - 1;
					out.questionUpdate.push({
						id: questionId,
						version: w.draft.version,
						seen,
						status,
						...facts
					});
					out.searchReplace.push({ rowid: questionId, text: rows.search.body });
					out.bigramInsert.push({ rowid: questionId, grams: bigramsOf(rows.search.body) });
				}
				out.versionInsert.push({ ...rows.version, data: JSON.stringify(rows.version.data) });
				out.refInsert.push(...rows.refs);
				out.tagInsert.push(...rows.tags);
				// the search text (Markdown rendered and sanitised) is most of this work
				await pause();
			}
			return out;
		}
	};
}
