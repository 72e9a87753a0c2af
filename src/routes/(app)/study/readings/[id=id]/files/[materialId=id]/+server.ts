import { fileDownload } from '$lib/server/download.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { readReadingFile } from '$lib/server/services/study/readings.ts';
import type { RequestHandler } from './$types';

/** A reading's file, checked against the reading on every request; a member's download opens it. */
export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	const m = await guard(() =>
		readReadingFile(ctx, Number(event.params.id), Number(event.params.materialId))
	);
	return fileDownload(m);
};
