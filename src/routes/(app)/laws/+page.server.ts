import { canAnywhere } from '$lib/server/authz/index.ts';
import { ctxOf } from '$lib/server/http.ts';
import { listLaws } from '$lib/server/services/laws/read.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const laws = await listLaws(ctx);
	const importedId = Number(event.url.searchParams.get('imported'));
	return {
		laws,
		imported: laws.find((l) => l.id === importedId) ?? null,
		flagged: Number(event.url.searchParams.get('flagged')) || 0,
		canImport: canAnywhere(ctx.user, 'law.manage')
	};
};
