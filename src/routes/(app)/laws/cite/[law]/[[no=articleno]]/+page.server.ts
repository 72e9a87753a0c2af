import { redirect } from '@sveltejs/kit';
import { formatLawCitation } from '@xuefa/core';
import { ctxOf } from '$lib/server/http.ts';
import { lawIdByShortTitle } from '$lib/server/services/laws/read.ts';
import type { PageServerLoad } from './$types';

/**
 * A citation as questions store it (law short title + article number) resolved to the stable
 * article link; a law not (yet) in the library falls back to a search.
 */
export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const shortTitle = event.params.law;
	const no = Number(event.params.no ?? 0);
	const articleNo = Number.isInteger(no) && no > 0 ? no : undefined;
	const lawId = await lawIdByShortTitle(ctx, shortTitle);
	if (lawId === null) {
		const text = formatLawCitation({ lawId: shortTitle, articleNo })
			.replace(/[《》]/g, ' ')
			.trim();
		redirect(303, `/laws/search?q=${encodeURIComponent(text)}`);
	}
	redirect(303, articleNo ? `/laws/${lawId}/articles/${articleNo}` : `/laws/${lawId}`);
};
