import { ctxOf, guard } from '$lib/server/http.ts';
import { exportAttendance } from '$lib/server/services/study/attendance-export.ts';
import { xlsxStreamResponse } from '$lib/server/spreadsheet/response.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	const id = Number(event.params.id);
	return xlsxStreamResponse(
		ctx,
		await guard(() => exportAttendance(ctx, id)),
		{ nameKey: 'study_attendance_filename', ascii: 'attendance' },
		String(id)
	);
};
