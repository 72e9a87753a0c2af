import { redirect } from '@sveltejs/kit';
import { ValidationError } from '@xuefa/core';
import { t } from '$lib/i18n.ts';
import { LAW_MAX_BYTES, lawImportInput, lawPreviewInput } from '$lib/schemas/laws.ts';
import { authorizeAnywhere } from '$lib/server/authz/index.ts';
import { formInput } from '$lib/server/forms.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { importFailure, previewed, rejected, rejectedInput } from '$lib/server/imports.ts';
import { readImportJob } from '$lib/server/services/imports/job.ts';
import {
	type StatuteImportResult,
	type StatuteJobDetails,
	startStatuteImport
} from '$lib/server/services/laws/import.ts';
import { issueText } from '$lib/server/services/laws/issues.ts';
import { boundFileName } from '$lib/server/uploads/file-name.ts';
import { storedJobIssues } from '$lib/server/uploads/issues.ts';
import { readUploadForm, uploadBytes } from '$lib/server/uploads/form.ts';
import { previewStatute } from '$lib/server/services/laws/preview.ts';
import { decodeText } from '$lib/server/services/laws/source.ts';
import { STATUTE_KIND } from '$lib/server/services/laws/staging.ts';
import type { Actions, PageServerLoad } from './$types';

const LIMITS = { mb: LAW_MAX_BYTES / 1024 / 1024 };

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	event.depends('app:import-job');
	const job = await guard(async () => {
		authorizeAnywhere(ctx, 'law.manage');
		const jobId = event.url.searchParams.get('job');
		return jobId ? readImportJob<StatuteImportResult>(ctx, STATUTE_KIND, jobId) : null;
	});
	// a finished import shows in the library, with what it flagged
	if (job?.state === 'done' && job.result) {
		redirect(303, `/laws?imported=${job.result.lawId}&flagged=${job.result.flagged}`);
	}
	return {
		limits: LIMITS,
		job: job && { ...job, details: storedJobIssues<StatuteJobDetails>(job.failure?.details) }
	};
};

/** A statute the core refuses comes back with its line-numbered issues. */
function lawFailure(e: unknown) {
	if (e instanceof ValidationError)
		return rejected(t('error_invalid_input'), e.issues.map(issueText));
	return importFailure(e, LIMITS);
}

export const actions: Actions = {
	preview: async (event) => {
		const ctx = ctxOf(event);
		const form = await readUploadForm(event.request, LAW_MAX_BYTES);
		if (!form) return rejected(t('law_source_too_large', LIMITS), [], 413);
		const file = form.get('file');
		const pasted = String(form.get('text') ?? '');
		const useFile = file instanceof File && file.size > 0;
		if (file instanceof File && file.name && file.size === 0 && !pasted.trim()) {
			return rejected(t('law_source_empty_file'));
		}
		if (useFile && file.size > LAW_MAX_BYTES) return rejected(t('law_source_too_large', LIMITS));
		const parsed = lawPreviewInput.safeParse({
			fileName: useFile ? boundFileName(file.name) : '',
			text: useFile ? decodeText(await uploadBytes(file)) : pasted,
			format: form.get('format') ?? 'auto'
		});
		if (!parsed.success) return rejectedInput(parsed.error.issues, LIMITS);
		try {
			const preview = await previewStatute(ctx, parsed.data);
			return previewed({ ...preview, issues: preview.issues.map(issueText) });
		} catch (e) {
			return lawFailure(e);
		}
	},
	import: async (event) => {
		const ctx = ctxOf(event);
		const form = await event.request.formData();
		const parsed = lawImportInput.safeParse(formInput(form, lawImportInput));
		if (!parsed.success) return rejectedInput(parsed.error.issues);
		let id: string;
		try {
			({ id } = await startStatuteImport(ctx, parsed.data));
		} catch (e) {
			return lawFailure(e);
		}
		// the job's progress on this page, then the library
		redirect(303, `/laws/import?job=${id}`);
	}
};
