import { ctxOf, guard } from '$lib/server/http.ts';
import { rosterTemplate } from '$lib/server/services/roster/workbook.ts';
import { xlsxResponse } from '$lib/server/spreadsheet/response.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	return xlsxResponse(await guard(() => rosterTemplate(ctx)), {
		nameKey: 'roster_filename_template',
		ascii: 'roster-template'
	});
};
