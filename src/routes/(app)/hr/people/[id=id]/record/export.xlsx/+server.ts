import { ctxOf, guard } from '$lib/server/http.ts';
import { recordDownload } from '$lib/server/services/hr/record-export.ts';
import { personRecord } from '$lib/server/services/hr/record.ts';
import type { RequestHandler } from './$types';

/** The record as .xlsx: the same parts, as far as the user may see them, as the page. */
export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	return recordDownload(
		await guard(() => personRecord(ctx, { personId: Number(event.params.id) }))
	);
};
