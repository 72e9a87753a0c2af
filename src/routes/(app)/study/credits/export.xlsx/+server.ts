import { ctxOf, guard } from '$lib/server/http.ts';
import { exportCredits } from '$lib/server/services/study/credits-export.ts';
import { xlsxStreamResponse } from '$lib/server/spreadsheet/response.ts';
import { assessmentYearOf } from '$lib/server/year.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	const behindOnly = event.url.searchParams.get('all') !== '1';
	const { list, year } = await guard(() =>
		exportCredits(ctx, { behindOnly, year: assessmentYearOf(event.url, ctx.now).year })
	);
	return xlsxStreamResponse(
		ctx,
		list,
		{ nameKey: 'credits_filename', ascii: 'study-credits' },
		String(year)
	);
};
