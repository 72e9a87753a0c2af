import { ctxOf, guard } from '$lib/server/http.ts';
import { exportPlan } from '$lib/server/services/study/plan-export.ts';
import { xlsxResponse } from '$lib/server/spreadsheet/response.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	const { bytes, plan } = await guard(() => exportPlan(ctx, Number(event.params.id)));
	return xlsxResponse(
		bytes,
		{ nameKey: 'study_plan_filename', ascii: 'study-plan' },
		String(plan.year)
	);
};
