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

/**
 * Text written a part at a time, sent as it is written: the next part is asked for only when the
 * client has taken the last one, and a download cancelled stops the writing.
 */
function textStream(parts: AsyncIterable<string>): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	const iterator = parts[Symbol.asyncIterator]();
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			const { done, value } = await iterator.next();
			if (done) controller.close();
			else controller.enqueue(encoder.encode(value));
		},
		async cancel() {
			await iterator.return?.();
		}
	});
}

/**
 * A text file the app writes (a question bank as GIFT or Aiken) as a download, whole or streamed
 * while it is written. Its name is localised, so it goes out twice: an ASCII fallback and the
 * RFC 5987 UTF-8 form every current browser prefers.
 */
export function textDownload(
	text: string | AsyncIterable<string>,
	name: { localised: string; ascii: string }
): Response {
	return new Response(typeof text === 'string' ? text : textStream(text), {
		headers: {
			'Content-Type': 'text/plain; charset=utf-8',
			'Content-Disposition': `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.localised)}`,
			'Cache-Control': 'no-store'
		}
	});
}
