import { and, eq, gt, lt } from 'drizzle-orm';
import type { ReadDb, Tx } from '../db/index.ts';
import { trustedDevice } from '../db/schema/index.ts';
import { generateSessionToken, sessionIdOf } from './session.ts';

export const DEVICE_COOKIE = 'xuefa_device';
/** How long a browser stays trusted for an account after its last successful login there. */
export const DEVICE_LIFETIME_MS = 180 * 24 * 60 * 60 * 1000;

// generateSessionToken's shape: 20 random bytes in lower-case base32
const TOKEN = /^[a-z2-7]{32}$/;

/** Has this browser (its device cookie) logged in to `account` (a lower-cased name) before? */
export async function isTrustedDevice(
	db: ReadDb,
	token: string | undefined,
	account: string,
	now: Date
): Promise<boolean> {
	if (!token) return false;
	const [row] = await db
		.select({ id: trustedDevice.id })
		.from(trustedDevice)
		.where(
			and(
				eq(trustedDevice.id, sessionIdOf(token)),
				eq(trustedDevice.account, account),
				gt(trustedDevice.expiresAt, now)
			)
		);
	return row !== undefined;
}

/**
 * Trusts the browser for `account` after a successful login, for {@link DEVICE_LIFETIME_MS} from
 * now. Returns the token for the cookie: the browser's own (a shared office computer is trusted
 * for each account used on it), or a new one.
 */
export async function trustDevice(
	db: Tx,
	token: string | undefined,
	account: string,
	now: Date
): Promise<string> {
	const expiresAt = new Date(now.getTime() + DEVICE_LIFETIME_MS);
	const kept = token && TOKEN.test(token) ? token : generateSessionToken();
	await db.delete(trustedDevice).where(lt(trustedDevice.expiresAt, now));
	await db
		.insert(trustedDevice)
		.values({ id: sessionIdOf(kept), account, createdAt: now, expiresAt })
		.onConflictDoUpdate({
			target: [trustedDevice.id, trustedDevice.account],
			set: { expiresAt }
		});
	return kept;
}
