import { ctxOf, guard } from '$lib/server/http.ts';
import { ceremonyRecord } from '$lib/server/services/hr/oaths.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return { record: await guard(() => ceremonyRecord(ctx, Number(event.params.id))) };
};
