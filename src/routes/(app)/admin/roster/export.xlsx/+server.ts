import { ctxOf, guard } from '$lib/server/http.ts';
import { exportRoster } from '$lib/server/services/roster/workbook.ts';
import { xlsxStreamResponse } from '$lib/server/spreadsheet/response.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	const date = ctx.now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
	return xlsxStreamResponse(
		ctx,
		await guard(() => exportRoster(ctx)),
		{ nameKey: 'roster_filename_export', ascii: 'roster' },
		date
	);
};
