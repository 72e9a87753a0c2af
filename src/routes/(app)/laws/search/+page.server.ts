import { redirect } from '@sveltejs/kit';
import { lawSearchInput } from '$lib/schemas/laws.ts';
import { articleHref } from '$lib/laws.ts';
import { ctxOf } from '$lib/server/http.ts';
import { articlesByNumber } from '$lib/server/services/laws/article-query.ts';
import { listLaws } from '$lib/server/services/laws/read.ts';
import { searchArticles } from '$lib/server/services/laws/search.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const input = lawSearchInput.parse(Object.fromEntries(event.url.searchParams));
	// an article number (第二十七条, 27, 宪法27条) opens that article when one law has it
	const numbered = await articlesByNumber(ctx, input);
	if (numbered.length === 1) redirect(303, articleHref(numbered[0]!.lawId, numbered[0]!.articleNo));
	const [laws, results] = await Promise.all([listLaws(ctx), searchArticles(ctx, input)]);
	return {
		laws: laws.map((l) => ({ id: l.id, shortTitle: l.shortTitle })),
		filter: { q: input.q, law: input.law ?? null },
		numbered,
		results
	};
};
