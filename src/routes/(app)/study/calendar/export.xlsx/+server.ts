import { shanghaiDate } from '@xuefa/core';
import { yearParam } from '$lib/schemas/oversight.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { exportSessions } from '$lib/server/services/study/sessions-export.ts';
import { xlsxStreamResponse } from '$lib/server/spreadsheet/response.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	const asked = yearParam.safeParse(event.url.searchParams.get('year') ?? undefined);
	const year = asked.success ? asked.data : Number(shanghaiDate(ctx.now).slice(0, 4));
	const list = await guard(() => exportSessions(ctx, { year }));
	return xlsxStreamResponse(
		ctx,
		list,
		{ nameKey: 'study_sessions_filename', ascii: 'sessions' },
		String(year)
	);
};
