import { and, eq, inArray } from 'drizzle-orm';
import { type QuestionType, type QuestionVersion, sameContent } from '@xuefa/core';
import { t } from '$lib/i18n.ts';
import type { QuestionImportInput } from '$lib/schemas/banks.ts';
import { type Ctx, transact } from '../../context.ts';
import { question, questionVersion } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { issueMessages } from '../../core-messages.ts';
import type { Upload } from '../../spreadsheet/index.ts';
import { appendAudit } from '../audit/append.ts';
import { loadBank } from '../banks/access.ts';
import { consumeStaged, readStaged, stage } from '../imports/staging.ts';
import { parseUpload } from '../../uploads/pool.ts';
import {
	type ImportFormat,
	OWN_ID,
	type ReadQuestions,
	contentOf,
	externalIdOf
} from './read-upload.ts';
import { type QuestionContent, storeQuestion } from './store.ts';

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

/** Thrown (after rollback) when a staged file no longer imports; nothing is written then. */
export class QuestionImportError extends AppError {
	constructor(readonly problems: ImportProblem[]) {
		super('bank_import_nothing_imported');
	}
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
	return { planned, problems };
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
	const { format, result } = await parseUpload<ReadQuestions>({
		kind: 'questions',
		upload,
		format: input.format ?? 'auto'
	});
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

/**
 * Imports a previewed file into its bank, all or nothing, in one transaction through
 * `storeQuestion`: a question whose 编号 is already in the bank gets a new version (or nothing when
 * unchanged), never a duplicate.
 */
export async function importQuestions(
	ctx: Ctx,
	input: QuestionImportInput
): Promise<QuestionImportResult> {
	const bank = await loadBank(ctx, input.bankId);
	if (bank.archived) throw new AppError('bank_archived_readonly');
	const staged = await readStaged<StagedQuestions>(ctx, QUESTIONS_KIND, input.stagedId);
	if (staged.sheet.bankId !== bank.id) throw new AppError('roster_staged_expired');
	return transact(ctx, async (tx) => {
		await consumeStaged(tx, input.stagedId);
		// planned again under the write lock: the bank may have changed since the preview
		const { planned, problems } = await plan(tx, bank.id, staged.sheet.questions);
		if (problems.length > 0) throw new QuestionImportError(problems);
		const counts: Counts = { create: 0, update: 0, unchanged: 0 };
		for (const p of planned) {
			const stored = await storeQuestion(tx, bank.id, p.content, {
				...(p.questionId === undefined ? {} : { questionId: p.questionId }),
				externalId: p.externalId
			});
			counts[stored.created ? 'create' : stored.changed ? 'update' : 'unchanged']++;
		}
		await appendAudit(tx, {
			action: 'bank.imported',
			entityType: 'question_bank',
			entityId: bank.id,
			unitId: bank.unitId,
			after: { fileName: staged.fileName, format: staged.sheet.format, ...counts }
		});
		return { fileName: staged.fileName, counts };
	});
}
