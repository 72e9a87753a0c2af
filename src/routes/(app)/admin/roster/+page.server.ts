import { redirect } from '@sveltejs/kit';
import { t } from '$lib/i18n.ts';
import {
	ROSTER_MAX_BYTES,
	ROSTER_MAX_ROWS,
	rosterImportInput,
	rosterPreviewInput
} from '$lib/schemas/roster.ts';
import { authorizeAnywhere, canAnywhere } from '$lib/server/authz/index.ts';
import { formInput } from '$lib/server/forms.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { importFailure, previewed, rejected, rejectedInput } from '$lib/server/imports.ts';
import { importKeyFor, readImportKey } from '$lib/server/import-key.ts';
import { readImportJob, readSealedSecret } from '$lib/server/services/imports/job.ts';
import { openSecret } from '$lib/server/services/imports/secret.ts';
import {
	type NewRosterAccount,
	type RosterImportResult,
	type RosterJobDetails,
	startRosterImport
} from '$lib/server/services/roster/import.ts';
import { readUploadForm, uploadBytes } from '$lib/server/uploads/form.ts';
import { storedJobIssues } from '$lib/server/uploads/issues.ts';
import {
	ROSTER_KIND,
	previewRoster,
	rosterPreviewPage
} from '$lib/server/services/roster/preview.ts';
import { previewAsked } from '$lib/server/services/imports/preview-pages.ts';
import { keptPreview } from '$lib/server/imports.ts';
import type { Actions, PageServerLoad } from './$types';

const LIMITS = { mb: ROSTER_MAX_BYTES / 1024 / 1024, rows: ROSTER_MAX_ROWS };
const PATH = '/admin/roster';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	event.depends('app:import-job');
	return guard(async () => {
		authorizeAnywhere(ctx, 'roster.export');
		const base = { canImport: canAnywhere(ctx.user, 'roster.import'), limits: LIMITS };
		const jobId = event.url.searchParams.get('job');
		if (!jobId) {
			// another page of the rows of a preview (?preview=…&page=…)
			const asked = previewAsked(event.url);
			const preview = asked && (await keptPreview(() => rosterPreviewPage(ctx, asked)));
			return { ...base, job: null, accounts: null, preview };
		}
		const job = await readImportJob<RosterImportResult>(ctx, ROSTER_KIND, jobId);
		const key = readImportKey(event, jobId);
		const sealed =
			job.state === 'done' && key ? await readSealedSecret(ctx, ROSTER_KIND, jobId) : null;
		return {
			...base,
			preview: null,
			job: { ...job, details: storedJobIssues<RosterJobDetails>(job.failure?.details) },
			// only the browser that started the import holds the key to its one-time passwords
			accounts: sealed && key ? openSecret<NewRosterAccount[]>(key, jobId, sealed) : null
		};
	});
};

export const actions: Actions = {
	// answers with data rather than redirecting: the preview belongs to this upload only
	preview: async (event) => {
		const ctx = ctxOf(event);
		const form = await readUploadForm(event.request, ROSTER_MAX_BYTES);
		if (!form) return rejected(t('roster_file_too_large', LIMITS), [], 413);
		const parsed = rosterPreviewInput.safeParse({ file: form.get('file') });
		if (!parsed.success) return rejectedInput(parsed.error.issues, LIMITS);
		const { file } = parsed.data;
		try {
			const bytes = await uploadBytes(file);
			const preview = await previewRoster(ctx, { name: file.name, bytes });
			return previewed(preview);
		} catch (e) {
			return importFailure(e, LIMITS);
		}
	},
	// starts the import job and follows it on this page (?job=…)
	import: async (event) => {
		const ctx = ctxOf(event);
		const form = await event.request.formData();
		const parsed = rosterImportInput.safeParse(formInput(form, rosterImportInput));
		if (!parsed.success) return rejectedInput(parsed.error.issues);
		let id: string;
		try {
			const key = importKeyFor(event, parsed.data.stagedId, PATH);
			({ id } = await startRosterImport(ctx, parsed.data, key));
		} catch (e) {
			return importFailure(e, LIMITS);
		}
		redirect(303, `${PATH}?job=${id}`);
	}
};
