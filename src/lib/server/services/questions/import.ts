import { and, eq, inArray } from 'drizzle-orm';
import { type QuestionType, type QuestionVersion, XuefaError, sameContent } from '@xuefa/core';
import { t } from '$lib/i18n.ts';
import type { QuestionImportInput } from '$lib/schemas/banks.ts';
import type { Ctx } from '../../context.ts';
import { question, questionVersion } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { describeCoreError, issueMessages } from '../../core-messages.ts';
import type { Upload } from '../../spreadsheet/index.ts';
import { appendAudit } from '../audit/append.ts';
import { loadBank } from '../banks/access.ts';
import { ImportFailedError, type JobHooks, startImportJob } from '../imports/job.ts';
import { readStaged, stage } from '../imports/staging.ts';
import {
	type ImportFormat,
	OWN_ID,
	contentOf,
	externalIdOf,
	readQuestionUpload
} from './read-upload.ts';
import { QUESTION_TARGETS, publishQuestions } from './publish.ts';
import {
	type QuestionContent,
	type QuestionDraft,
	questionDraft,
	questionFacts,
	versionRows
} from './store.ts';

export const QUESTIONS_KIND = 'questions';
const PREVIEW_QUESTIONS = 20;

type Action = 'create' | 'update' | 'unchanged';
type Counts = Record<Action, number>;

export interface ImportProblem {
	/** Row (spreadsheets) or line (GIFT, Aiken); absent for problems of the whole file. */
	line?: number;
	message: string;
}

interface StagedQuestions {
	bankId: number;
	format: ImportFormat;
	questions: { externalId: string | null; content: QuestionContent }[];
}

export interface QuestionImportPreview {
	fileName: string;
	format: ImportFormat;
	/** Set only when the file has no errors: the id to confirm the import with. */
	stagedId: string | null;
	errors: ImportProblem[];
	counts: Counts;
	byType: Partial<Record<QuestionType, number>>;
	total: number;
	/** The first questions, as a sample of what will be imported. */
	sample: { externalId: string | null; type: QuestionType; stem: string; action: Action }[];
}

export interface QuestionImportResult {
	fileName: string;
	counts: Counts;
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
	for (let i = 0; i < Math.max(ids.length, own.length); i += 500) {
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
	const planned = items.map((item) => {
		const key = item.externalId;
		if (key !== null) {
			if (seen.has(key)) problems.push({ message: t('bank_import_duplicate_id', { id: key }) });
			seen.add(key);
		}
		const ownId = key === null ? undefined : OWN_ID.exec(key)?.[1];
		const existing =
			key === null ? undefined : (byExternal.get(key) ?? byOwn.get(Number(ownId ?? 0)));
		const action: Action = !existing
			? 'create'
			: sameContent(existing.data, { ...item.content, id: '', version: 0 } as QuestionVersion)
				? 'unchanged'
				: 'update';
		return { ...item, action, questionId: existing?.id };
	});
	const versions = new Map([...byExternal.values(), ...byOwn.values()].map((r) => [r.id, r.data]));
	return { planned, problems, current: versions };
}

/**
 * Reads an uploaded question file (.xlsx, .csv, GIFT, Aiken) and reports what importing it into the
 * bank would do, or every problem with its row or line number. A file without problems is kept for
 * 30 minutes, to be confirmed by `importQuestions`; a file with any problem imports nothing.
 */
export async function previewQuestionImport(
	ctx: Ctx,
	input: { bankId: number; format?: ImportFormat | 'auto' },
	upload: Upload
): Promise<QuestionImportPreview> {
	const bank = await loadBank(ctx, input.bankId);
	if (bank.archived) throw new AppError('bank_archived_readonly');
	const { format, result } = await readQuestionUpload(upload, input.format);
	const items = result.questions.map((q) => ({
		externalId: externalIdOf(q),
		content: contentOf(q)
	}));
	const { planned, problems } = await plan(ctx, bank.id, items);
	const messages = issueMessages(result.issues);
	const errors: ImportProblem[] = [
		...result.issues.map((issue, i) => ({
			...(issue.line === undefined ? {} : { line: issue.line }),
			message: messages[i]!
		})),
		...problems
	];
	const counts: Counts = { create: 0, update: 0, unchanged: 0 };
	const byType: Partial<Record<QuestionType, number>> = {};
	for (const p of planned) {
		counts[p.action]++;
		byType[p.content.type] = (byType[p.content.type] ?? 0) + 1;
	}
	const stagedId =
		errors.length === 0
			? await stage<StagedQuestions>(ctx, QUESTIONS_KIND, {
					fileName: upload.name,
					sheet: { bankId: bank.id, format, questions: items }
				})
			: null;
	return {
		fileName: upload.name,
		format,
		stagedId,
		errors,
		counts,
		byType,
		total: planned.length,
		sample: planned.slice(0, PREVIEW_QUESTIONS).map((p) => ({
			externalId: p.externalId,
			type: p.content.type,
			stem: p.content.stem,
			action: p.action
		}))
	};
}

/** The problems a failed question job shows, when the file no longer imports. */
export type QuestionJobDetails = ImportProblem[];

/**
 * Starts importing a previewed file into its bank as a background job (services/imports/job.ts),
 * all or nothing: each question is checked again against the bank as it is now; a question whose
 * 编号 is already in the bank gets a new version (or nothing when unchanged), never a duplicate —
 * the same rows `storeQuestion` writes, staged in short transactions and published at once.
 * @returns the job's id, to follow it on the import page, and when it finishes (for tests)
 */
export async function startQuestionImport(
	ctx: Ctx,
	input: QuestionImportInput,
	hooks: JobHooks = {}
): Promise<{ id: string; finished: Promise<void> }> {
	const bank = await loadBank(ctx, input.bankId);
	if (bank.archived) throw new AppError('bank_archived_readonly');
	const staged = await readStaged<StagedQuestions>(ctx, QUESTIONS_KIND, input.stagedId);
	if (staged.sheet.bankId !== bank.id) throw new AppError('roster_staged_expired');
	const id = input.stagedId;
	let result: QuestionImportResult | undefined;
	const { finished } = await startImportJob(
		ctx,
		{ kind: QUESTIONS_KIND, id, fileName: staged.fileName, ...hooks },
		{
			async prepare(job) {
				const items = staged.sheet.questions;
				await job.phase('import_phase_checking', items.length);
				const { planned, problems, current } = await plan(ctx, bank.id, items);
				if (problems.length > 0) {
					throw new ImportFailedError({
						message: t('bank_import_nothing_imported'),
						details: problems
					});
				}
				const rows = await questionRows(planned, current);
				await job.step(items.length);
				const first = await job.reserve('question', rows.creates);
				const numbered = rows.number(first);
				const targets = Object.entries(QUESTION_TARGETS) as [
					keyof typeof QUESTION_TARGETS,
					string
				][];
				await job.phase(
					'import_phase_writing',
					numbered.searchAhead.length + targets.reduce((n, [k]) => n + numbered[k].length, 0)
				);
				await job.searchAhead('question', numbered.searchAhead);
				for (const [key, target] of targets) await job.stage(target, numbered[key]);
				result = { fileName: staged.fileName, counts: rows.counts };
			},
			async publish(tx) {
				await publishQuestions(tx, id, bank.id);
				await appendAudit(tx, {
					action: 'bank.imported',
					entityType: 'question_bank',
					entityId: bank.id,
					unitId: bank.unitId,
					after: { fileName: staged.fileName, format: staged.sheet.format, ...result!.counts }
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
	current: Map<number, QuestionVersion>
) {
	const counts: Counts = { create: 0, update: 0, unchanged: 0 };
	const work: { draft: QuestionDraft; externalId: string | null; questionId?: number }[] = [];
	for (const [i, p] of planned.entries()) {
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
		// validation is CPU work: let requests through now and then
		if (i % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
	}
	return {
		counts,
		creates: counts.create,
		number(first: number) {
			const out = {
				questionInsert: [] as object[],
				questionUpdate: [] as object[],
				versionInsert: [] as object[],
				refInsert: [] as object[],
				tagInsert: [] as object[],
				searchReplace: [] as { rowid: number; text: string }[],
				searchAhead: [] as { rowid: number; text: string }[]
			};
			let next = first;
			for (const w of work) {
				const questionId = w.questionId ?? next++;
				const facts = questionFacts(w.draft);
				const rows = versionRows(w.draft, questionId);
				if (w.questionId === undefined) {
					out.questionInsert.push({ id: questionId, externalId: w.externalId, ...facts });
					out.searchAhead.push({ rowid: questionId, text: rows.search.body });
				} else {
					const seen = w.draft.version - 1;
					out.questionUpdate.push({ id: questionId, version: w.draft.version, seen, ...facts });
					out.searchReplace.push({ rowid: questionId, text: rows.search.body });
				}
				out.versionInsert.push({ ...rows.version, data: JSON.stringify(rows.version.data) });
				out.refInsert.push(...rows.refs);
				out.tagInsert.push(...rows.tags);
			}
			return out;
		}
	};
}
