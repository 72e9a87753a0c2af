import { lawSearchInput } from '$lib/schemas/laws.ts';
import { ctxOf } from '$lib/server/http.ts';
import { listLaws } from '$lib/server/services/laws/read.ts';
import { searchArticles } from '$lib/server/services/laws/search.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const input = lawSearchInput.parse(Object.fromEntries(event.url.searchParams));
	const [laws, results] = await Promise.all([listLaws(ctx), searchArticles(ctx, input)]);
	return {
		laws: laws.map((l) => ({ id: l.id, shortTitle: l.shortTitle })),
		filter: { q: input.q, law: input.law ?? null },
		results
	};
};
