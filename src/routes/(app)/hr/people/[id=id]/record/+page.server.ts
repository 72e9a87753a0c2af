import { ctxOf, guard } from '$lib/server/http.ts';
import { personRecord } from '$lib/server/services/hr/record.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return {
		record: await guard(() => personRecord(ctx, { personId: Number(event.params.id) }))
	};
};
