import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n.ts';
import { rosterPasswordsInput } from '$lib/schemas/roster.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { readImportKey } from '$lib/server/import-key.ts';
import { readSealedSecret } from '$lib/server/services/imports/job.ts';
import { openSecret } from '$lib/server/services/imports/secret.ts';
import type { NewRosterAccount } from '$lib/server/services/roster/import.ts';
import { ROSTER_KIND } from '$lib/server/services/roster/preview.ts';
import { passwordsWorkbook } from '$lib/server/services/roster/workbook.ts';
import { xlsxResponse } from '$lib/server/spreadsheet/response.ts';
import type { RequestHandler } from './$types';

// POST, not GET: the download is an action on the import's secret, never a link to share or cache.
// The passwords come from the finished job, opened with this browser's key (import-key.ts).
export const POST: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	const form = await event.request.formData();
	const parsed = rosterPasswordsInput.safeParse({ job: form.get('job') });
	if (!parsed.success) error(400, t('error_invalid_input'));
	const { job } = parsed.data;
	const key = readImportKey(event, job);
	const sealed = key ? await readSealedSecret(ctx, ROSTER_KIND, job) : null;
	const accounts = sealed && key ? openSecret<NewRosterAccount[]>(key, job, sealed) : null;
	if (!accounts) error(404, t('roster_passwords_elsewhere'));
	return xlsxResponse(await guard(() => passwordsWorkbook(ctx, { accounts })), {
		nameKey: 'roster_filename_passwords',
		ascii: 'one-time-passwords'
	});
};
