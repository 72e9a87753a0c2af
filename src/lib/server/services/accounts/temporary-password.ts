import { hash } from '@node-rs/argon2';
import { passwordProblem } from '../../auth/password-policy.ts';

// No 0/O, 1/l/I: a temporary password is read out over the phone or copied from a printout.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
// 12 characters of 56: about 70 bits, and comfortably above the policy's minimum length
const LENGTH = 12;

/**
 * A random one-time password for `username` that meets the password policy like any password a
 * person chooses (drawn again in the rare case it would not, e.g. when it contains a short name).
 */
export async function temporaryPassword(username: string): Promise<string> {
	for (;;) {
		const bytes = new Uint8Array(LENGTH);
		crypto.getRandomValues(bytes);
		// 256 is not a multiple of the alphabet size; the bias this leaves is negligible here.
		const password = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
		if ((await passwordProblem(password, username)) === null) return password;
	}
}

// A one-time password is random — 12 characters of 56, about 70 bits — and must be changed at the
// first login, when the chosen password is hashed with the full cost (auth/password.ts). Slow
// hashing protects guessable passwords; against 2^69 candidates even this lighter argon2id (about
// a millisecond each) leaves an attacker with the hash millions of years of work on a thousand
// cores, and it lets a 5,000-row roster open its accounts in seconds instead of minutes. `verify` reads the
// parameters from the hash, so nothing else changes.
const ONE_TIME_OPTIONS = { memoryCost: 4096, timeCost: 1, outputLen: 32, parallelism: 1 } as const;

/** Hashes a {@link temporaryPassword} for storage (argon2id, lighter cost; see above). */
export function hashTemporaryPassword(password: string): Promise<string> {
	return hash(password, ONE_TIME_OPTIONS);
}
