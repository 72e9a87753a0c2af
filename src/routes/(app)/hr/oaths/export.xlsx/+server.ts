import { ctxOf, guard } from '$lib/server/http.ts';
import { exportOaths } from '$lib/server/services/hr/oaths-export.ts';
import { xlsxStreamResponse } from '$lib/server/spreadsheet/response.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	const list = await guard(() => exportOaths(ctx));
	return xlsxStreamResponse(ctx, list, { nameKey: 'hr_oaths_filename', ascii: 'oaths' });
};
