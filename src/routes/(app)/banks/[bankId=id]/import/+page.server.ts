import { redirect } from '@sveltejs/kit';
import { t } from '$lib/i18n.ts';
import {
	QUESTION_IMPORT_MAX_BYTES,
	QUESTION_IMPORT_MAX_QUESTIONS,
	importColumnsInput,
	questionImportInput,
	questionImportPreviewInput
} from '$lib/schemas/banks.ts';
import { formInput } from '$lib/server/forms.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import {
	importFailure,
	keptPreview,
	previewed,
	rejected,
	rejectedInput
} from '$lib/server/imports.ts';
import { previewAsked } from '$lib/server/services/imports/preview-pages.ts';
import { readUploadForm, uploadBytes } from '$lib/server/uploads/form.ts';
import { storedJobIssues } from '$lib/server/uploads/issues.ts';
import { getBank } from '$lib/server/services/banks/list.ts';
import { readImportJob } from '$lib/server/services/imports/job.ts';
import {
	QUESTIONS_KIND,
	type QuestionImportResult,
	type QuestionJobDetails,
	answerImportColumns,
	previewQuestionImport,
	questionPreviewPage,
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
		// another page of the questions of a preview (?preview=…&page=…)
		const asked = job ? null : previewAsked(event.url);
		const preview = asked && (await keptPreview(() => questionPreviewPage(ctx, bank.id, asked)));
		return {
			bank: { id: bank.id, name: bank.name, archived: bank.archived },
			limits: LIMITS,
			preview,
			job: job && { ...job, details: storedJobIssues<QuestionJobDetails>(job.failure?.details) }
		};
	});
};

export const actions: Actions = {
	// answers with data: the preview belongs to this upload only
	preview: async (event) => {
		const ctx = ctxOf(event);
		const form = await readUploadForm(event.request, QUESTION_IMPORT_MAX_BYTES);
		if (!form) return rejected(t('bank_import_too_large', LIMITS), [], 413);
		const parsed = questionImportPreviewInput.safeParse({
			bankId: event.params.bankId,
			format: form.get('format') ?? 'auto',
			file: form.get('file')
		});
		if (!parsed.success) return rejectedInput(parsed.error.issues, LIMITS);
		const { file, ...input } = parsed.data;
		try {
			const bytes = await uploadBytes(file);
			return previewed(await previewQuestionImport(ctx, input, { name: file.name, bytes }));
		} catch (e) {
			return importFailure(e, LIMITS);
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
		if (!parsed.success) return rejectedInput(parsed.error.issues);
		try {
			return previewed(await answerImportColumns(ctx, parsed.data));
		} catch (e) {
			return importFailure(e, LIMITS);
		}
	},
	import: async (event) => {
		const ctx = ctxOf(event);
		const form = await event.request.formData();
		const parsed = questionImportInput.safeParse({
			...formInput(form, questionImportInput),
			bankId: event.params.bankId
		});
		if (!parsed.success) return rejectedInput(parsed.error.issues);
		let id: string;
		try {
			({ id } = await startQuestionImport(ctx, parsed.data));
		} catch (e) {
			return importFailure(e, LIMITS);
		}
		// the job's progress and result on this page
		redirect(303, `/banks/${parsed.data.bankId}/import?job=${id}`);
	}
};
