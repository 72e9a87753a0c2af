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
