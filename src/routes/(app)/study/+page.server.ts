import { ctxOf, guard } from '$lib/server/http.ts';
import { studyOverview } from '$lib/server/services/study/overview.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(() => studyOverview(ctx));
};
