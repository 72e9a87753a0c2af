import { error, fail, redirect } from '@sveltejs/kit';
import { t } from '$lib/i18n.ts';
import {
	QUESTION_IMPORT_MAX_BYTES,
	QUESTION_IMPORT_MAX_QUESTIONS,
	importColumnsInput,
	questionImportInput,
	questionImportPreviewInput
} from '$lib/schemas/banks.ts';
import { AppError, ForbiddenError, NotFoundError } from '$lib/server/errors.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { readUploadForm } from '$lib/server/uploads/form.ts';
import { getBank } from '$lib/server/services/banks/list.ts';
import { readImportJob } from '$lib/server/services/imports/job.ts';
import {
	type ImportProblem,
	QUESTIONS_KIND,
	type QuestionImportResult,
	type QuestionJobDetails,
	answerImportColumns,
	previewQuestionImport,
	startQuestionImport
} from '$lib/server/services/questions/import.ts';
import type { Actions, PageServerLoad } from './$types';

const LIMITS = { mb: QUESTION_IMPORT_MAX_BYTES / 1024 / 1024, max: QUESTION_IMPORT_MAX_QUESTIONS };

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	event.depends('app:import-job');
	return guard(async () => {
		const { bank } = await getBank(ctx, Number(event.params.bankId) || 0);
		const jobId = event.url.searchParams.get('job');
		const job = jobId
			? await readImportJob<QuestionImportResult>(ctx, QUESTIONS_KIND, jobId)
			: null;
		return {
			bank: { id: bank.id, name: bank.name, archived: bank.archived },
			limits: LIMITS,
			job: job && {
				...job,
				details: (job.failure?.details as QuestionJobDetails | undefined) ?? null
			}
		};
	});
};

/** Every failure has one shape, so that the page can read it whichever action failed. */
function failed(message: string, errors: ImportProblem[] | null = null) {
	return fail(400, { message, errors });
}

function importFailure(e: unknown) {
	if (e instanceof ForbiddenError) error(403, t('error_forbidden'));
	if (e instanceof NotFoundError) error(404, t('error_not_found'));
	if (e instanceof AppError) return failed(t(e.code, { ...LIMITS, ...e.params }));
	throw e;
}

export const actions: Actions = {
	// answers with data: the preview belongs to this upload only
	preview: async (event) => {
		const ctx = ctxOf(event);
		const form = await readUploadForm(event.request, QUESTION_IMPORT_MAX_BYTES);
		if (!form) return fail(413, { message: t('bank_import_too_large', LIMITS), errors: null });
		const parsed = questionImportPreviewInput.safeParse({
			bankId: event.params.bankId,
			format: form.get('format') ?? 'auto',
			file: form.get('file')
		});
		if (!parsed.success) {
			return failed(t(parsed.error.issues[0]?.message ?? 'err_invalid', LIMITS));
		}
		const { file, ...input } = parsed.data;
		try {
			const bytes = new Uint8Array(await file.arrayBuffer());
			return { preview: await previewQuestionImport(ctx, input, { name: file.name, bytes }) };
		} catch (e) {
			return importFailure(e);
		}
	},
	columns: async (event) => {
		const ctx = ctxOf(event);
		const form = await event.request.formData();
		const columns: Record<string, string> = {};
		for (let i = 0; form.has(`header.${i}`); i++) {
			columns[String(form.get(`header.${i}`))] = String(form.get(`field.${i}`) ?? '');
		}
		const parsed = importColumnsInput.safeParse({
			bankId: event.params.bankId,
			sheetId: form.get('sheetId'),
			columns
		});
		if (!parsed.success) return failed(t(parsed.error.issues[0]?.message ?? 'err_invalid'));
		try {
			return { preview: await answerImportColumns(ctx, parsed.data) };
		} catch (e) {
			return importFailure(e);
		}
	},
	import: async (event) => {
		const ctx = ctxOf(event);
		const form = await event.request.formData();
		const parsed = questionImportInput.safeParse({
			bankId: event.params.bankId,
			stagedId: form.get('stagedId'),
			status: form.get('status') ?? undefined,
			acceptSkipped: form.get('acceptSkipped')
		});
		if (!parsed.success) return failed(t('roster_staged_expired'));
		let id: string;
		try {
			({ id } = await startQuestionImport(ctx, parsed.data));
		} catch (e) {
			return importFailure(e);
		}
		// the job's progress and result on this page
		redirect(303, `/banks/${parsed.data.bankId}/import?job=${id}`);
	}
};
