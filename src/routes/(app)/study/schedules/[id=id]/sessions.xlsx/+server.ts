import { ctxOf, guard } from '$lib/server/http.ts';
import { exportSessions } from '$lib/server/services/study/sessions-export.ts';
import { xlsxStreamResponse } from '$lib/server/spreadsheet/response.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	const scheduleId = Number(event.params.id);
	const list = await guard(() => exportSessions(ctx, { scheduleId }));
	return xlsxStreamResponse(
		ctx,
		list,
		{ nameKey: 'study_sessions_filename', ascii: 'sessions' },
		`schedule-${scheduleId}`
	);
};
