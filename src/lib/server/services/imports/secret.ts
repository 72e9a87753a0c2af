import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Secrets an import job hands back once (one-time passwords) are kept encrypted with a key that
 * the importing browser holds in a cookie: neither the database nor a backup of it can read them.
 * AES-256-GCM, bound to the job id so that a sealed value cannot be moved to another job.
 */
export function newSecretKey(): Buffer {
	return randomBytes(32);
}

export function sealSecret(key: Buffer, jobId: string, value: unknown): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	cipher.setAAD(Buffer.from(jobId));
	const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
	return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The sealed value, or null when the key is not the job's (another browser, a lost cookie). */
export function openSecret<T>(key: Buffer, jobId: string, sealed: string): T | null {
	try {
		const bytes = Buffer.from(sealed, 'base64url');
		const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
		decipher.setAAD(Buffer.from(jobId));
		decipher.setAuthTag(bytes.subarray(12, 28));
		const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
		return JSON.parse(text.toString('utf8')) as T;
	} catch {
		return null;
	}
}
