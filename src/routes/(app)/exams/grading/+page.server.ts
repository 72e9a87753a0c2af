import { ctxOf, guard } from '$lib/server/http.ts';
import { gradingList } from '$lib/server/services/exams/grading.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return { sittings: await guard(() => gradingList(ctx)) };
};
