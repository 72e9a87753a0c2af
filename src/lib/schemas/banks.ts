import { z } from 'zod';
import { ROW_IMPORT_FIELDS } from '@xuefa/core';
import { QUESTION_STATUSES, QUESTION_TYPES } from './enums.ts';
import {
	checkbox,
	id,
	optionalText,
	required,
	searchQuery,
	stagedId,
	text,
	uploadedFile
} from './common.ts';
import { SEARCH_MAX } from './limits.ts';

/** The upload limits of a question import, shown next to the file input and enforced by the server. */
export const QUESTION_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const QUESTION_IMPORT_MAX_QUESTIONS = 5000;
export const QUESTION_PAGE_SIZE = 20;

export const createBankInput = z.object({
	unitId: id,
	name: text(60),
	description: optionalText(500)
});
export type CreateBankInput = z.infer<typeof createBankInput>;

export const updateBankInput = createBankInput.extend({ bankId: id });
export type UpdateBankInput = z.infer<typeof updateBankInput>;

export const setBankArchivedInput = z.object({
	bankId: id,
	archived: z.enum(['true', 'false']).transform((v) => v === 'true')
});
export type SetBankArchivedInput = z.infer<typeof setBankArchivedInput>;

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const difficulty = z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(5).optional());

/** The question list's filters, read from the query string (bad values are ignored, not refused). */
export const listQuestionsInput = z.object({
	q: searchQuery(SEARCH_MAX.questions),
	type: z.preprocess(blankToUndefined, z.enum(QUESTION_TYPES).optional()).catch(undefined),
	law: z.string().trim().max(60).catch('').default(''),
	/** 42 or 第四十二条; read with the core's parseArticleNo. */
	article: z.string().trim().max(20).catch('').default(''),
	dmin: difficulty.catch(undefined),
	dmax: difficulty.catch(undefined),
	topic: z.string().trim().max(60).catch('').default(''),
	tag: z.string().trim().max(40).catch('').default(''),
	flagged: checkbox.catch(false),
	/** One status, or '' for every question in use (drafts and ready ones, not retired). */
	status: z
		.enum(['', ...QUESTION_STATUSES])
		.catch('')
		.default(''),
	page: z.coerce.number().int().min(1).catch(1).default(1)
});
export type ListQuestionsInput = z.infer<typeof listQuestionsInput>;

/** Mark a question reviewed (ready), send it back to draft, retire it or restore it. */
export const setQuestionStatusInput = z.object({
	questionId: id,
	status: z.enum(QUESTION_STATUSES, required)
});
export type SetQuestionStatusInput = z.infer<typeof setQuestionStatusInput>;

/** 标记为已审核: the drafts ticked in the bank's list. */
export const markQuestionsReadyInput = z.object({
	bankId: id,
	questionIds: z.array(id).min(1, { error: 'bank_mark_ready_none' }).max(QUESTION_PAGE_SIZE)
});
export type MarkQuestionsReadyInput = z.infer<typeof markQuestionsReadyInput>;

/** The status the editor saves with: a draft, or ready when the author has reviewed it. */
export const editorStatus = z.enum(['draft', 'ready']).optional().catch(undefined);

export const clearReviewFlagInput = z.object({ questionId: id });
export type ClearReviewFlagInput = z.infer<typeof clearReviewFlagInput>;

export const QUESTION_IMPORT_FORMATS = ['auto', 'rows', 'gift', 'aiken'] as const;

/** Step 1: a file to preview. */
export const questionImportPreviewInput = z.object({
	bankId: id,
	format: z.enum(QUESTION_IMPORT_FORMATS).catch('auto').default('auto'),
	file: uploadedFile(QUESTION_IMPORT_MAX_BYTES, {
		required: 'bank_import_file_required',
		empty: 'bank_import_file_empty',
		tooLarge: 'bank_import_too_large'
	})
});
export type QuestionImportPreviewInput = z.infer<typeof questionImportPreviewInput>;

/**
 * Step 2: confirm a staged preview, as drafts to review (the default) or as ready questions;
 * `acceptSkipped` when the file's bad questions are left out.
 */
export const questionImportInput = z.object({
	bankId: id,
	status: z.enum(['draft', 'ready']).catch('draft').default('draft'),
	stagedId,
	acceptSkipped: checkbox
});
export type QuestionImportInput = z.infer<typeof questionImportInput>;

/** The fields a spreadsheet column may be named as ('' = ignore the column). */
export const IMPORT_COLUMN_FIELDS = ['', ...ROW_IMPORT_FIELDS] as const;

/**
 * The organiser's answers about a kept sheet's unknown columns, posted as `header.<i>` and
 * `field.<i>` pairs (a header is free text: it cannot be a form field's name).
 */
export const importColumnsInput = z.object({
	bankId: id,
	sheetId: stagedId,
	columns: z.record(
		z.string().trim().min(1).max(100),
		z.enum(IMPORT_COLUMN_FIELDS, { error: 'err_invalid' })
	)
});
export type ImportColumnsInput = z.infer<typeof importColumnsInput>;
