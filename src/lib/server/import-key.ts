import type { RequestEvent } from '@sveltejs/kit';
import { secure } from './auth/handle.ts';
import { newSecretKey } from './services/imports/secret.ts';

/**
 * The key that seals an import job's one-time passwords (services/imports/secret.ts) lives only
 * in the importing browser, in an HttpOnly cookie scoped to the import's pages; it expires with
 * the job.
 */
const cookieName = (jobId: string) => `xuefa_import_${jobId.slice(0, 16)}`;
const MAX_AGE_S = 60 * 60;

/** This browser's key for the job, or null. */
export function readImportKey(event: RequestEvent, jobId: string): Buffer | null {
	const value = event.cookies.get(cookieName(jobId));
	return value ? Buffer.from(value, 'base64url') : null;
}

/**
 * The key to start the job with: this browser's when it already confirmed the job (a second
 * click must not replace the key the job sealed with), else a new one, set as its cookie.
 */
export function importKeyFor(event: RequestEvent, jobId: string, path: string): Buffer {
	const existing = readImportKey(event, jobId);
	if (existing) return existing;
	const key = newSecretKey();
	event.cookies.set(cookieName(jobId), key.toString('base64url'), {
		path,
		httpOnly: true,
		sameSite: 'strict',
		secure,
		maxAge: MAX_AGE_S
	});
	return key;
}
