import { ctxOf, guard } from '$lib/server/http.ts';
import { readMaterial } from '$lib/server/services/study/materials.ts';
import type { RequestHandler } from './$types';

/**
 * A material, checked against the session on every request: always a download (never shown inline,
 * so a file cannot act as a page of this site), its stored type, no sniffing, no shared caches.
 */
export const GET: RequestHandler = async (event) => {
	const ctx = ctxOf(event);
	const m = await guard(() =>
		readMaterial(ctx, Number(event.params.id), Number(event.params.materialId))
	);
	const ascii = m.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(new Uint8Array(m.data), {
		headers: {
			'Content-Type': m.contentType,
			'Content-Length': String(m.size),
			'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(m.fileName)}`,
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'; sandbox",
			'Cache-Control': 'private, no-store'
		}
	});
};
