import { error, fail, redirect } from '@sveltejs/kit';
import { type Issue, ValidationError, formatArticleNo } from '@xuefa/core';
import { t } from '$lib/i18n.ts';
import { LAW_MAX_BYTES, lawImportInput, lawPreviewInput } from '$lib/schemas/laws.ts';
import { authorizeAnywhere } from '$lib/server/authz/index.ts';
import { AppError, ForbiddenError, NotFoundError } from '$lib/server/errors.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { readUploadForm } from '$lib/server/uploads/form.ts';
import { importStatute } from '$lib/server/services/laws/import.ts';
import { previewStatute } from '$lib/server/services/laws/preview.ts';
import { decodeText } from '$lib/server/services/laws/source.ts';
import type { Actions, PageServerLoad } from './$types';

const LIMITS = { mb: LAW_MAX_BYTES / 1024 / 1024 };

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(async () => {
		authorizeAnywhere(ctx, 'law.manage');
		return { limits: LIMITS };
	});
};

/** A parse issue as a sentence with its line: 第 12 行：条文编号不连续…… */
function issueText(issue: Issue): string {
	const data = { ...issue.data };
	for (const k of ['no', 'expected'] as const) {
		if (typeof data[k] === 'number') data[k] = formatArticleNo(data[k]);
	}
	const key = `law_issue_${issue.code.replace(/^statute\./, '').replace(/\./g, '_')}`;
	return t('law_issue_line', { line: issue.line ?? 1, message: t(key, data) });
}

function failed(message: string, issues: string[] = []) {
	return fail(400, { message, issues });
}

function lawFailure(e: unknown) {
	if (e instanceof ForbiddenError) error(403, t('error_forbidden'));
	if (e instanceof NotFoundError) error(404, t('error_not_found'));
	if (e instanceof ValidationError)
		return failed(t('error_invalid_input'), e.issues.map(issueText));
	if (e instanceof AppError) return failed(t(e.code, { ...LIMITS, ...e.params }));
	throw e;
}

export const actions: Actions = {
	preview: async (event) => {
		const ctx = ctxOf(event);
		const form = await readUploadForm(event.request, LAW_MAX_BYTES);
		if (!form) return fail(413, { message: t('law_source_too_large', LIMITS), issues: [] });
		const file = form.get('file');
		const pasted = String(form.get('text') ?? '');
		const useFile = file instanceof File && file.size > 0;
		if (file instanceof File && file.name && file.size === 0 && !pasted.trim()) {
			return failed(t('law_source_empty_file'));
		}
		if (useFile && file.size > LAW_MAX_BYTES) return failed(t('law_source_too_large', LIMITS));
		const parsed = lawPreviewInput.safeParse({
			fileName: useFile ? file.name : '',
			text: useFile ? decodeText(new Uint8Array(await file.arrayBuffer())) : pasted,
			format: form.get('format') ?? 'auto'
		});
		if (!parsed.success) {
			return failed(t(parsed.error.issues[0]?.message ?? 'err_invalid', LIMITS));
		}
		try {
			const preview = await previewStatute(ctx, parsed.data);
			return { preview: { ...preview, issues: preview.issues.map(issueText) } };
		} catch (e) {
			return lawFailure(e);
		}
	},
	import: async (event) => {
		const ctx = ctxOf(event);
		const form = await event.request.formData();
		const parsed = lawImportInput.safeParse(Object.fromEntries(form));
		if (!parsed.success) return failed(t(parsed.error.issues[0]?.message ?? 'err_invalid'));
		let result;
		try {
			result = await importStatute(ctx, parsed.data);
		} catch (e) {
			return lawFailure(e);
		}
		redirect(303, `/laws?imported=${result.lawId}&flagged=${result.flagged}`);
	}
};
