import { ctxOf, guard } from '$lib/server/http.ts';
import { listAudit } from '$lib/server/services/audit/list.ts';
import { verifyAuditChain } from '$lib/server/services/audit/verify.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const page = Math.max(1, Number(event.url.searchParams.get('page')) || 1);
	return guard(async () => ({ audit: await listAudit(ctx, page) }));
};

export const actions: Actions = {
	/** Re-checks every hash of the chain on demand (it reads the whole log). */
	verify: async (event) => {
		const ctx = ctxOf(event);
		const result = await guard(() => verifyAuditChain(ctx));
		return result.ok
			? { verified: { ok: true as const, count: result.count } }
			: { verified: { ok: false as const, seq: result.seq ?? result.expectedSeq } };
	}
};
