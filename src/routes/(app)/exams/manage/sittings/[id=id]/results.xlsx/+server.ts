import { ctxOf, guard } from '$lib/server/http.ts';
import { resultsWorkbook } from '$lib/server/services/exams/results-workbook.ts';
import { xlsxStreamResponse } from '$lib/server/spreadsheet/response.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	const id = Number(event.params.id);
	return xlsxStreamResponse(
		ctx,
		await guard(() => resultsWorkbook(ctx, id)),
		{ nameKey: 'results_filename', ascii: 'results' },
		String(id)
	);
};
