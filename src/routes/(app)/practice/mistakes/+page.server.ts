import { ctxOf, guard } from '$lib/server/http.ts';
import { listMistakes } from '$lib/server/services/practice/mistakes.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const page = Math.max(1, Number(event.url.searchParams.get('page')) || 1);
	return { book: await guard(() => listMistakes(ctx, page)) };
};
