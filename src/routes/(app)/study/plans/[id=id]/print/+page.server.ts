import { ctxOf, guard } from '$lib/server/http.ts';
import { getPlan } from '$lib/server/services/study/plans.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(() => getPlan(ctx, Number(event.params.id)));
};
