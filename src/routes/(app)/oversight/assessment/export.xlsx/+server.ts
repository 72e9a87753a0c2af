import { ctxOf, guard } from '$lib/server/http.ts';
import { assessmentWorkbook } from '$lib/server/services/oversight/export.ts';
import { xlsxResponse } from '$lib/server/spreadsheet/response.ts';
import { assessmentYearOf, unitOf } from '../../page-data.server.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	const { year } = assessmentYearOf(event.url, ctx.now);
	const unitId = unitOf(event.url);
	const bytes = await guard(() => assessmentWorkbook(ctx, { year, ...(unitId ? { unitId } : {}) }));
	return xlsxResponse(
		bytes,
		{ nameKey: 'oversight_assessment_filename', ascii: 'rule-of-law-assessment' },
		String(year)
	);
};
