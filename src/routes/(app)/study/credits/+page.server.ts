import { ctxOf, guard } from '$lib/server/http.ts';
import { unitCredits } from '$lib/server/services/study/credits.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const all = event.url.searchParams.get('all') === '1';
	return { all, ...(await guard(() => unitCredits(ctx, { behindOnly: !all }))) };
};
