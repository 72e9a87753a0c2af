import { authorizeAnywhere } from '$lib/server/authz/index.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { exportCases } from '$lib/server/services/hr/cases-export.ts';
import { xlsxStreamResponse } from '$lib/server/spreadsheet/response.ts';
import { caseFilter } from '../filter.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	const list = await guard(async () => {
		authorizeAnywhere(ctx, 'promotion.read');
		return exportCases(ctx, caseFilter(event.url));
	});
	return xlsxStreamResponse(ctx, list, { nameKey: 'hr_cases_filename', ascii: 'promotion-cases' });
};
