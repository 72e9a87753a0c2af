import { ctxOf, guard } from '$lib/server/http.ts';
import { listLessons } from '$lib/server/services/lessons/lessons.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(() => listLessons(ctx));
};
