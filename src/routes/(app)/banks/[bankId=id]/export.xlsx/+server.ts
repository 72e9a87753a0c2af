import { ctxOf, guard } from '$lib/server/http.ts';
import { exportBankXlsx } from '$lib/server/services/questions/export.ts';
import { xlsxStreamResponse } from '$lib/server/spreadsheet/response.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	return xlsxStreamResponse(
		ctx,
		await guard(() => exportBankXlsx(ctx, Number(event.params.bankId) || 0)),
		{ nameKey: 'bank_filename_export', ascii: 'questions' },
		event.params.bankId
	);
};
