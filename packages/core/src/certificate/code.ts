/**
 * Verification codes for certificates: unguessable, easy to read aloud and type.
 *
 * Alphabet: `23456789ABCDEFGHJKMNPQRSTUVWXYZ` — 31 symbols (a prime), no 0/O, 1/I/L. A code is
 * 15 random symbols (≈ 74 bits) plus one check symbol, shown as four groups of four
 * (`XXXX-XXXX-XXXX-XXXX`). The check symbol c makes Σ (i+1)·v_i ≡ 0 (mod 31) over all 16 positions.
 * Because 31 is prime and every weight 1…16 is non-zero mod 31, a single substitution changes the sum
 * by w·d ≢ 0; swapping neighbours a, b changes it by (b − a)·(w_i − w_{i+1}) = a − b ≢ 0. So every
 * single typo and every adjacent transposition is caught (tested exhaustively).
 */
import { ValidationError } from '../errors.ts';

/** The 31 symbols of a verification code. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

const BASE = CODE_ALPHABET.length; // 31
const VALUE = new Map([...CODE_ALPHABET].map((c, i) => [c, i]));
const DATA_LENGTH = 15;

/** Where random bytes come from: a byte array, or a function returning `n` bytes (e.g. crypto.getRandomValues). */
export type RandomBytes = Uint8Array | ((n: number) => Uint8Array);

function checkSymbol(values: readonly number[]): number {
	let sum = 0;
	for (let i = 0; i < values.length; i++) sum += (i + 1) * values[i]!;
	// c·(n+1) ≡ −sum (mod 31): multiply by the inverse of (n+1).
	const w = values.length + 1;
	let inv = 1;
	while ((inv * w) % BASE !== 1) inv++;
	return (((BASE - (sum % BASE)) % BASE) * inv) % BASE;
}

/**
 * Encodes random bytes as a verification code. Bytes ≥ 248 are discarded so each symbol is uniform;
 * 32 bytes are plenty (a function source is asked again if not).
 *
 * @param random - random bytes from the caller (the core has no randomness of its own)
 * @returns a code such as `7KQM-3XWD-R9FA-HT2C` (16 symbols, the last one a check)
 * @throws ValidationError `code.random.insufficient` when a byte array has too few usable bytes
 * @example
 * createVerificationCode((n) => crypto.getRandomValues(new Uint8Array(n)));
 */
export function createVerificationCode(random: RandomBytes): string {
	const values: number[] = [];
	let rounds = 0;
	while (values.length < DATA_LENGTH) {
		const bytes =
			typeof random === 'function' ? random(32) : rounds === 0 ? random : new Uint8Array();
		if (bytes.length === 0 || rounds++ > 16) {
			throw new ValidationError([
				{ code: 'code.random.insufficient', data: { need: DATA_LENGTH } }
			]);
		}
		for (const b of bytes) {
			if (b < 248 && values.length < DATA_LENGTH) values.push(b % BASE);
		}
	}
	values.push(checkSymbol(values));
	const text = values.map((v) => CODE_ALPHABET[v]).join('');
	return text.replace(/(.{4})(?=.)/g, '$1-');
}

/** The result of reading a typed code. */
export type CodeCheck =
	| { ok: true; code: string }
	| {
			ok: false;
			reason: 'code.length' | 'code.character' | 'code.check';
			data: Record<string, unknown>;
	  };

/**
 * Reads a code as a person typed it: ignores case, spaces and dashes, accepts full-width characters,
 * then checks the length, the alphabet and the check symbol.
 *
 * @param input - the typed code
 * @returns `{ ok: true, code }` with the canonical grouped form, or the reason it is wrong
 * @example
 * checkVerificationCode('7kqm 3xwd r9fa ht2c');
 */
export function checkVerificationCode(input: string): CodeCheck {
	const text = input
		.normalize('NFKC')
		.toUpperCase()
		.replace(/[\s\-_.]/g, '');
	if (text.length !== DATA_LENGTH + 1) {
		return {
			ok: false,
			reason: 'code.length',
			data: { length: text.length, expected: DATA_LENGTH + 1 }
		};
	}
	const values: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const v = VALUE.get(text[i]!);
		if (v === undefined)
			return { ok: false, reason: 'code.character', data: { position: i + 1, character: text[i] } };
		values.push(v);
	}
	let sum = 0;
	for (let i = 0; i < values.length; i++) sum += (i + 1) * values[i]!;
	if (sum % BASE !== 0) return { ok: false, reason: 'code.check', data: {} };
	return { ok: true, code: text.replace(/(.{4})(?=.)/g, '$1-') };
}
