import { ctxOf, guard } from '$lib/server/http.ts';
import { listLessons } from '$lib/server/services/lessons/lessons.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const page = Number(event.url.searchParams.get('page'));
	return guard(() => listLessons(ctx, Number.isSafeInteger(page) && page > 0 ? page : 1));
};
