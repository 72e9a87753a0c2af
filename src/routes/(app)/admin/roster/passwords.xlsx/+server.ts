import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n.ts';
import { rosterPasswordsInput } from '$lib/schemas/roster.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { passwordsWorkbook } from '$lib/server/services/roster/workbook.ts';
import { xlsxResponse } from '$lib/server/spreadsheet/response.ts';
import type { RequestHandler } from './$types';

// POST, not GET: the passwords travel in the request body, never in a URL or a server log.
export const POST: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	const form = await event.request.formData();
	const column = (name: string) => form.getAll(name).map(String);
	const [units, names, usernames, passwords] = ['unit', 'name', 'username', 'password'].map(column);
	const parsed = rosterPasswordsInput.safeParse({
		accounts: usernames!.map((username, i) => ({
			unit: units![i] ?? '',
			name: names![i] ?? '',
			username,
			password: passwords![i] ?? ''
		}))
	});
	if (!parsed.success) error(400, t('error_invalid_input'));
	return xlsxResponse(await guard(() => passwordsWorkbook(ctx, parsed.data)), {
		nameKey: 'roster_filename_passwords',
		ascii: 'one-time-passwords'
	});
};
