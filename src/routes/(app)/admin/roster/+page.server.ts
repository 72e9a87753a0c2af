import { error, fail, redirect } from '@sveltejs/kit';
import { t } from '$lib/i18n.ts';
import {
	ROSTER_MAX_BYTES,
	ROSTER_MAX_ROWS,
	rosterImportInput,
	rosterPreviewInput
} from '$lib/schemas/roster.ts';
import { authorizeAnywhere, canAnywhere } from '$lib/server/authz/index.ts';
import { AppError, ForbiddenError, NotFoundError } from '$lib/server/errors.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { importKeyFor, readImportKey } from '$lib/server/import-key.ts';
import { readImportJob, readSealedSecret } from '$lib/server/services/imports/job.ts';
import { openSecret } from '$lib/server/services/imports/secret.ts';
import {
	type NewRosterAccount,
	type RosterImportResult,
	type RosterJobDetails,
	startRosterImport
} from '$lib/server/services/roster/import.ts';
import { readUploadForm } from '$lib/server/uploads/form.ts';
import type { RowError } from '$lib/server/services/roster/plan.ts';
import { ROSTER_KIND, previewRoster } from '$lib/server/services/roster/preview.ts';
import type { Actions, PageServerLoad } from './$types';

const PREVIEW_ROWS = 1000;
const LIMITS = { mb: ROSTER_MAX_BYTES / 1024 / 1024, rows: ROSTER_MAX_ROWS };
const PATH = '/admin/roster';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	event.depends('app:import-job');
	return guard(async () => {
		authorizeAnywhere(ctx, 'roster.export');
		const base = { canImport: canAnywhere(ctx.user, 'roster.import'), limits: LIMITS };
		const jobId = event.url.searchParams.get('job');
		if (!jobId) return { ...base, job: null, accounts: null };
		const job = await readImportJob<RosterImportResult>(ctx, ROSTER_KIND, jobId);
		const key = readImportKey(event, jobId);
		const sealed =
			job.state === 'done' && key ? await readSealedSecret(ctx, ROSTER_KIND, jobId) : null;
		return {
			...base,
			job: { ...job, details: (job.failure?.details as RosterJobDetails | undefined) ?? null },
			// only the browser that started the import holds the key to its one-time passwords
			accounts: sealed && key ? openSecret<NewRosterAccount[]>(key, jobId, sealed) : null
		};
	});
};

/** Every failure has one shape, so that the page can read it whichever action failed. */
function failed(message: string, rowErrors: RowError[] | null = null) {
	return fail(400, { message, rowErrors });
}

/**
 * The roster's failures carry message keys that the shared `mapError` does not localise (it knows
 * only err_/error_ keys), so they are turned into text here.
 */
function rosterFailure(e: unknown) {
	if (e instanceof ForbiddenError) error(403, t('error_forbidden'));
	if (e instanceof NotFoundError) error(404, t('error_not_found'));
	if (e instanceof AppError) return failed(t(e.code, { ...LIMITS, ...e.params }));
	throw e;
}

export const actions: Actions = {
	// answers with data rather than redirecting: the preview belongs to this upload only
	preview: async (event) => {
		const ctx = ctxOf(event);
		const form = await readUploadForm(event.request, ROSTER_MAX_BYTES);
		if (!form) return fail(413, { message: t('roster_file_too_large', LIMITS), rowErrors: null });
		const parsed = rosterPreviewInput.safeParse({ file: form.get('file') });
		if (!parsed.success) {
			return failed(t(parsed.error.issues[0]?.message ?? 'err_invalid', LIMITS));
		}
		const { file } = parsed.data;
		try {
			const bytes = new Uint8Array(await file.arrayBuffer());
			const preview = await previewRoster(ctx, { name: file.name, bytes });
			// a page of 5,000 rows helps nobody; the counts above the table cover them all
			return {
				preview: {
					...preview,
					rows: preview.rows.slice(0, PREVIEW_ROWS),
					total: preview.rows.length
				}
			};
		} catch (e) {
			return rosterFailure(e);
		}
	},
	// starts the import job and follows it on this page (?job=…)
	import: async (event) => {
		const ctx = ctxOf(event);
		const form = await event.request.formData();
		const parsed = rosterImportInput.safeParse(Object.fromEntries(form));
		if (!parsed.success) return failed(t('roster_staged_expired'));
		let id: string;
		try {
			const key = importKeyFor(event, parsed.data.stagedId, PATH);
			({ id } = await startRosterImport(ctx, parsed.data, key));
		} catch (e) {
			return rosterFailure(e);
		}
		redirect(303, `${PATH}?job=${id}`);
	}
};
