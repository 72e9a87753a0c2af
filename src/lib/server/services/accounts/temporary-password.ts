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
