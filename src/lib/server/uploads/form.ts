import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';

/** Text fields of an upload form are short, but a pasted statute may be a few MB. */
const MAX_FIELD_BYTES = 8 * 1024 * 1024;

/**
 * The bytes of each file {@link readUploadForm} read, as they arrived: reading them back out of the
 * File (a Blob) copies them again in 64 KB steps on the request loop, close to 100 ms for 5 MB on
 * a loaded machine.
 */
const bytesRead = new WeakMap<File, Uint8Array>();

/** The bytes of an uploaded file: as read from the request when {@link readUploadForm} read it. */
export async function uploadBytes(file: File): Promise<Uint8Array> {
	return bytesRead.get(file) ?? new Uint8Array(await file.arrayBuffer());
}

/**
 * Reads a form that carries an upload, streaming: busboy parses the multipart body chunk by chunk
 * as it arrives, where `request.formData()` would buffer it and parse 5 MB in one go on the request
 * loop. A file over `maxFileBytes`, or a body over the server's limit (BODY_SIZE_LIMIT), is
 * answered as the form's own "file too large" message rather than the generic error page.
 * @returns the form, or null when the file or the body is too large
 */
export async function readUploadForm(
	request: Request,
	maxFileBytes: number
): Promise<FormData | null> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^multipart\/form-data/i.test(type) || !request.body) {
		try {
			return await request.formData();
		} catch (e) {
			if ((e as { status?: number }).status === 413) return null;
			throw e;
		}
	}
	const body = request.body as unknown as NodeReadableStream<Uint8Array>;
	// a body sent in chunks has no length: then the file's limit bounds it
	const bodyBytes = Number(request.headers.get('content-length')) || maxFileBytes;
	return new Promise((resolve, reject) => {
		const form = new FormData();
		let tooLarge = false;
		const parser = busboy({
			headers: { 'content-type': type },
			// file names are UTF-8 in every current browser (花名册.xlsx)
			defParamCharset: 'utf8',
			limits: { files: 1, fields: 50, fileSize: maxFileBytes, fieldSize: MAX_FIELD_BYTES }
		});
		parser.on('field', (name, value) => form.append(name, value));
		parser.on('file', (name, stream, info) => {
			// the file cannot be longer than the body nor than its limit (busboy cuts it there): one
			// buffer of that size, each chunk copied in as it arrives, where joining the chunks at the
			// end copied 5 MB in one go on the request loop
			const buffer = Buffer.allocUnsafe(Math.min(maxFileBytes, bodyBytes));
			let length = 0;
			stream.on('data', (chunk: Buffer) => {
				// more than the body said it held: refused, never cut short silently
				if (length + chunk.length > buffer.length) tooLarge = true;
				else length += chunk.copy(buffer, length);
			});
			stream.on('limit', () => (tooLarge = true));
			stream.on('close', () => {
				if (tooLarge) return;
				const bytes = buffer.subarray(0, length) as Uint8Array<ArrayBuffer>;
				const file = new File([bytes], info.filename ?? '', { type: info.mimeType });
				bytesRead.set(file, bytes);
				form.append(name, file);
			});
		});
		parser.on('close', () => resolve(tooLarge ? null : form));
		parser.on('error', reject);
		const input = Readable.fromWeb(body);
		input.on('error', (e: { status?: number }) => (e.status === 413 ? resolve(null) : reject(e)));
		input.pipe(parser);
	});
}
