import { isHttpError } from '@sveltejs/kit';

/**
 * A JSON request body as an object, or null when it is not JSON (the schema then refuses it). An
 * HTTP error from reading it — the route's body limit crossed — still answers the request.
 */
export async function jsonBody(request: Request): Promise<Record<string, unknown> | null> {
	const body: unknown = await request.json().catch((e: unknown) => {
		if (isHttpError(e)) throw e;
		return null;
	});
	return body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : null;
}
