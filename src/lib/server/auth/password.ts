import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes); @node-rs/argon2 defaults to argon2id.
const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

// Verified against when the account does not exist, so that a wrong name costs the same time as a
// wrong password and response times do not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(
	passwordHash: string | undefined,
	password: string
): Promise<boolean> {
	if (passwordHash === undefined) {
		dummyHash ??= hashPassword('not-a-real-password-0000');
		await verify(await dummyHash, password).catch(() => false);
		return false;
	}
	return verify(passwordHash, password).catch(() => false);
}
