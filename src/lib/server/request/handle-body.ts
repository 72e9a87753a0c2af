import { type Handle, error, isHttpError } from '@sveltejs/kit';
import { t } from '$lib/i18n.ts';
import { type BodyLimit, type BodyOverflow, bodyLimitOf, bodyMeter } from './body-limit.ts';

// SvelteKit's HttpError is not exported as a class: take the one `error()` throws.
function httpError(status: number, message: string): unknown {
	try {
		error(status, message);
	} catch (e) {
		return e;
	}
}

const overflowError = (overflow: BodyOverflow) =>
	httpError(413, t(overflow === 'bytes' ? 'error_body_too_large' : 'error_too_many_fields'));

/**
 * The body of `request`, cut off with a 413 at its route's limit. The error surfaces where the body
 * is read (`request.formData()` in an action) as SvelteKit's own HttpError, so SvelteKit answers it
 * as it answers any `error(413)`: the error page, or an ActionResult for an enhanced form.
 * The rest of a refused body is never read: `refused` tells the caller to close the connection.
 */
function limitedBody(request: Request, limit: BodyLimit, refused: { body: boolean }) {
	const reader = request.body!.getReader();
	const meter = bodyMeter(request.headers.get('content-type'), limit);
	const declared = Number(request.headers.get('content-length') ?? NaN);
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			let chunk: ReadableStreamReadResult<Uint8Array>;
			try {
				chunk = await reader.read();
			} catch (e) {
				// adapter-node's own BODY_SIZE_LIMIT (Node then drains the body itself), as our 413
				const outer = (e as { status?: unknown } | null)?.status === 413;
				return controller.error(outer ? overflowError('bytes') : e);
			}
			if (chunk.done) return controller.close();
			// a declared length over the limit is refused at its first chunk
			const overflow = declared > limit.bytes ? 'bytes' : meter.add(chunk.value);
			if (!overflow) return controller.enqueue(chunk.value);
			refused.body = true;
			controller.error(overflowError(overflow));
		},
		cancel(reason) {
			return reader.cancel(reason);
		}
	});
}

/**
 * A request whose body is bounded, and whose form, when it cannot be parsed (a malformed multipart
 * body), is a 400 with a clear message instead of a TypeError that would become a 500. Clones
 * (an action that reads a copy of the form) keep both properties.
 */
class BoundedRequest extends Request {
	constructor(request: Request, body: ReadableStream<Uint8Array> | null) {
		super(request.url, {
			method: request.method,
			headers: request.headers,
			body,
			signal: request.signal,
			// a streamed body: required by Node's fetch
			duplex: 'half'
		} as RequestInit);
	}

	override clone(): Request {
		const copy = super.clone();
		return new BoundedRequest(copy, copy.body);
	}

	override async formData(): Promise<FormData> {
		try {
			return await super.formData();
		} catch (e) {
			throw isHttpError(e) ? e : httpError(400, t('error_bad_form'));
		}
	}
}

/**
 * Bounds every request body by its route's limit (see body-limit.ts). After a refusal the
 * connection is closed rather than the rest of the body read: reading a flood of 6 MB posts just
 * to drop them kept the server as busy as parsing them.
 */
export const handleBodyLimit: Handle = async ({ event, resolve }) => {
	if (!event.request.body) return resolve(event);
	const refused = { body: false };
	const limit = bodyLimitOf(event.route.id);
	event.request = new BoundedRequest(event.request, limitedBody(event.request, limit, refused));
	const response = await resolve(event);
	if (refused.body) response.headers.set('Connection', 'close');
	return response;
};

/**
 * Whether reading a request's body failed because the body was over its route's limit (or
 * BODY_SIZE_LIMIT): for an upload action that answers it on its form ("the file is over 5 MB")
 * rather than with the error page.
 */
export const isBodyTooLarge = (e: unknown): boolean => isHttpError(e, 413);
