import { ctxOf, guard } from '$lib/server/http.ts';
import { scoreSheet } from '$lib/server/services/exams/score-sheet.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return { sheet: await guard(() => scoreSheet(ctx, Number(event.params.id))) };
};
