import { ctxOf, guard } from '$lib/server/http.ts';
import { sittingAnalysis } from '$lib/server/services/exams/analysis.ts';
import { sittingResults } from '$lib/server/services/exams/manage.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const id = Number(event.params.id);
	return {
		results: await guard(() => sittingResults(ctx, id)),
		analysis: await guard(() => sittingAnalysis(ctx, id))
	};
};
