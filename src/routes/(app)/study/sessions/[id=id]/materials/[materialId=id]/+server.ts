import { fileDownload } from '$lib/server/download.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { readMaterial } from '$lib/server/services/study/materials.ts';
import type { RequestHandler } from './$types';

/** A session's material, checked against the session on every request. */
export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	const m = await guard(() =>
		readMaterial(ctx, Number(event.params.id), Number(event.params.materialId))
	);
	return fileDownload(m);
};
