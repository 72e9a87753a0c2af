import { ctxOf, guard } from '$lib/server/http.ts';
import { attemptsWorkbook } from '$lib/server/services/exams/results-workbook.ts';
import { xlsxStreamResponse } from '$lib/server/spreadsheet/response.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	const id = Number(event.params.id);
	return xlsxStreamResponse(
		ctx,
		await guard(() => attemptsWorkbook(ctx, id)),
		{ nameKey: 'attempts_filename', ascii: 'attempts' },
		String(id)
	);
};
