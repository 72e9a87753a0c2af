import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** A random secret of 160 bits, base32 (as Lucia's guide makes session tokens). */
export function randomSecret(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** What is stored of a secret: its SHA-256 in hex, so that the table alone opens nothing. */
export function secretHash(secret: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}
