import { id } from '$lib/schemas/common.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { NotFoundError } from '$lib/server/errors.ts';
import { getLawVersion } from '$lib/server/services/laws/read.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(async () => {
		const lawId = id.safeParse(event.params.lawId);
		if (!lawId.success) throw new NotFoundError();
		const made = event.url.searchParams.has('madeCurrent');
		return {
			...(await getLawVersion(ctx, lawId.data)),
			madeCurrent: made ? { flagged: Number(event.url.searchParams.get('flagged')) || 0 } : null
		};
	});
};
