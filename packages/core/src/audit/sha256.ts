/** SHA-256 of UTF-8 text as lowercase hex, in pure TypeScript (via @oslojs/crypto). */
import { sha256 } from '@oslojs/crypto/sha2';

/** A SHA-256 function over UTF-8 text returning 64 lowercase hex digits (inject `node:crypto` for speed). */
export type Sha256Hex = (text: string) => string;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
let buffer = new Uint8Array(1024);

function utf8(text: string): Uint8Array {
	if (buffer.length < text.length * 3) buffer = new Uint8Array(text.length * 3);
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		let c = text.charCodeAt(i);
		if (c < 0x80) buffer[n++] = c;
		else if (c < 0x800) {
			buffer[n++] = 0xc0 | (c >> 6);
			buffer[n++] = 0x80 | (c & 63);
		} else {
			if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
				const d = text.charCodeAt(i + 1);
				if (d >= 0xdc00 && d < 0xe000) {
					c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
					i++;
					buffer[n++] = 0xf0 | (c >> 18);
					buffer[n++] = 0x80 | ((c >> 12) & 63);
					buffer[n++] = 0x80 | ((c >> 6) & 63);
					buffer[n++] = 0x80 | (c & 63);
					continue;
				}
			}
			if (c >= 0xd800 && c < 0xe000) c = 0xfffd; // lone surrogate, as TextEncoder does
			buffer[n++] = 0xe0 | (c >> 12);
			buffer[n++] = 0x80 | ((c >> 6) & 63);
			buffer[n++] = 0x80 | (c & 63);
		}
	}
	return buffer.subarray(0, n);
}

/**
 * SHA-256 of a string's UTF-8 bytes, as hex. Pure TypeScript: works in Node and browsers.
 *
 * @param text - the text
 * @returns 64 lowercase hex digits
 * @example
 * sha256Hex('abc'); // → 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export const sha256Hex: Sha256Hex = (text) => {
	const digest = sha256(utf8(text));
	let hex = '';
	for (let i = 0; i < digest.length; i++) hex += HEX[digest[i]!];
	return hex;
};
