/** The shortest password anyone may choose (the demo accounts are seeded, not chosen). */
export const MIN_PASSWORD_LENGTH = 10;

let common: Promise<Set<string>> | undefined;

/**
 * The 49,000 most common passwords from breaches, as zxcvbn-ts (the meter OWASP's cheat sheet
 * names) bundles them: no network, and loaded only when a password is chosen (unpacking the list
 * takes a few hundred milliseconds once).
 */
function commonPasswords(): Promise<Set<string>> {
	common ??= import('@zxcvbn-ts/language-common').then(
		({ dictionary }) => new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()))
	);
	return common;
}

/**
 * What is wrong with a new password, as a message key, or null. Following OWASP: a minimum length
 * and a list of common passwords, no composition rules (any character is allowed, spaces too).
 * @param username - the login name, which the password must not contain
 */
export async function passwordProblem(password: string, username: string): Promise<string | null> {
	if ([...password].length < MIN_PASSWORD_LENGTH) return 'err_password_short';
	const name = username.trim().toLowerCase();
	if (name && password.toLowerCase().includes(name)) return 'err_password_contains_username';
	if ((await commonPasswords()).has(password.toLowerCase())) return 'err_password_common';
	return null;
}
