import { hash } from '@node-rs/argon2';

// No 0/O, 1/l/I: a temporary password is read out over the phone or copied from a printout.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random one-time password with at least one letter and one digit (meets the password policy). */
export function temporaryPassword(length = 10): string {
	for (;;) {
		const bytes = new Uint8Array(length);
		crypto.getRandomValues(bytes);
		// 256 is not a multiple of the alphabet size; the bias this leaves is negligible here.
		const password = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
		if (/[A-Za-z]/.test(password) && /\d/.test(password)) return password;
	}
}

// A one-time password is random — 10 characters of 56, about 58 bits — and must be changed at the
// first login, when the chosen password is hashed with the full cost (auth/password.ts). Slow
// hashing protects guessable passwords; against 2^58 candidates even this lighter argon2id (about
// a millisecond each) leaves an attacker with the hash hundreds of thousands of years of work, and
// it lets a 5,000-row roster open its accounts in seconds instead of minutes. `verify` reads the
// parameters from the hash, so nothing else changes.
const ONE_TIME_OPTIONS = { memoryCost: 4096, timeCost: 1, outputLen: 32, parallelism: 1 } as const;

/** Hashes a {@link temporaryPassword} for storage (argon2id, lighter cost; see above). */
export function hashTemporaryPassword(password: string): Promise<string> {
	return hash(password, ONE_TIME_OPTIONS);
}
