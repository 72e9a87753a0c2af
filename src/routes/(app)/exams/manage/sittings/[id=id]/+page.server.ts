import { ctxOf, guard } from '$lib/server/http.ts';
import { sittingResults } from '$lib/server/services/exams/manage.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return { results: await guard(() => sittingResults(ctx, Number(event.params.id))) };
};
