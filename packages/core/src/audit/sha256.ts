/** SHA-256 of UTF-8 text as lowercase hex, in pure TypeScript (via @oslojs/crypto). */
import { sha256 } from '@oslojs/crypto/sha2';

/** A SHA-256 function over UTF-8 text returning 64 lowercase hex digits (inject `node:crypto` for speed). */
export type Sha256Hex = (text: string) => string;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * The platform's UTF-8 encoder (WHATWG Encoding), in every runtime the core targets: Node, browsers,
 * Deno, workers. Declared here because its type lives in the DOM and Node typings, which the core
 * leaves out so that it cannot reach for anything else of a platform.
 */
declare const TextEncoder: new () => {
	encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
};

const encoder = new TextEncoder();
// reused between calls: hashing a long chain would otherwise allocate a buffer per entry
let buffer = new Uint8Array(1024);

/** The UTF-8 bytes of `text` (lone surrogates as U+FFFD), valid until the next call. */
function utf8(text: string): Uint8Array {
	// a UTF-16 code unit never takes more than 3 bytes
	if (buffer.length < text.length * 3) buffer = new Uint8Array(text.length * 3);
	return buffer.subarray(0, encoder.encodeInto(text, buffer).written);
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
