import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import { write } from '../context.ts';
import type { DbOrTx } from '../db/index.ts';
import { session, user } from '../db/schema/index.ts';
import { loadSessionUser, type SessionUser } from './session-user.ts';

/** Sessions follow Lucia's guide: 30 days, extended when fewer than 15 remain. */
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 30 * DAY;
const RENEW_WHEN_LESS_THAN = 15 * DAY;
export const SESSION_COOKIE = 'xuefa_session';

export interface Session {
	id: string;
	userId: number;
	expiresAt: Date;
}

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The stored id is the token's SHA-256, so the session table alone cannot be used to log in. */
export function sessionIdOf(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(
	db: DbOrTx,
	token: string,
	userId: number,
	now: Date
): Promise<Session> {
	const row: Session = {
		id: sessionIdOf(token),
		userId,
		expiresAt: new Date(now.getTime() + SESSION_LIFETIME)
	};
	await write(db, (tx) => tx.insert(session).values({ ...row, createdAt: now }));
	return row;
}

export type SessionValidation =
	{ session: Session; user: SessionUser } | { session: null; user: null };

export async function validateSessionToken(
	db: DbOrTx,
	token: string,
	now: Date
): Promise<SessionValidation> {
	const id = sessionIdOf(token);
	const [row] = await db
		.select({ session, disabled: user.disabled })
		.from(session)
		.innerJoin(user, eq(user.id, session.userId))
		.where(eq(session.id, id));
	if (!row || row.disabled) return { session: null, user: null };
	const found: Session = {
		id: row.session.id,
		userId: row.session.userId,
		expiresAt: row.session.expiresAt
	};
	if (now.getTime() >= found.expiresAt.getTime()) {
		await write(db, (tx) => tx.delete(session).where(eq(session.id, id)));
		return { session: null, user: null };
	}
	if (found.expiresAt.getTime() - now.getTime() < RENEW_WHEN_LESS_THAN) {
		found.expiresAt = new Date(now.getTime() + SESSION_LIFETIME);
		const expiresAt = found.expiresAt;
		await write(db, (tx) => tx.update(session).set({ expiresAt }).where(eq(session.id, id)));
	}
	const sessionUser = await loadSessionUser(db, found.userId);
	if (!sessionUser) return { session: null, user: null };
	return { session: found, user: sessionUser };
}

export async function invalidateSession(db: DbOrTx, sessionId: string): Promise<void> {
	await write(db, (tx) => tx.delete(session).where(eq(session.id, sessionId)));
}

export async function invalidateUserSessions(db: DbOrTx, userId: number): Promise<void> {
	await write(db, (tx) => tx.delete(session).where(eq(session.userId, userId)));
}
