import { ctxOf, guard } from '$lib/server/http.ts';
import { unitCredits } from '$lib/server/services/study/credits.ts';
import { yearOf } from '$lib/server/year.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const all = event.url.searchParams.get('all') === '1';
	const { year, years } = yearOf(event.url, ctx.now);
	return { all, years, ...(await guard(() => unitCredits(ctx, { year, behindOnly: !all }))) };
};
