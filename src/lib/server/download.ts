/**
 * A stored user file sent back: always a download (never shown inline, so a file cannot act as a
 * page of this site), its stored type, no sniffing, no shared caches.
 */
export function fileDownload(f: {
	fileName: string;
	contentType: string;
	size: number;
	data: Buffer;
}): Response {
	const ascii = f.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(new Uint8Array(f.data), {
		headers: {
			'Content-Type': f.contentType,
			'Content-Length': String(f.size),
			'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'; sandbox",
			'Cache-Control': 'private, no-store'
		}
	});
}
