import { ctxOf, guard } from '$lib/server/http.ts';
import { listAudit } from '$lib/server/services/audit/list.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const page = Math.max(1, Number(event.url.searchParams.get('page')) || 1);
	return guard(async () => ({ audit: await listAudit(ctx, page) }));
};
