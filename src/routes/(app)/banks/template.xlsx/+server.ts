import { ctxOf, guard } from '$lib/server/http.ts';
import { questionTemplate } from '$lib/server/services/questions/export.ts';
import { xlsxResponse } from '$lib/server/spreadsheet/response.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	return xlsxResponse(await guard(() => questionTemplate(ctx)), {
		nameKey: 'bank_filename_template',
		ascii: 'question-template'
	});
};
