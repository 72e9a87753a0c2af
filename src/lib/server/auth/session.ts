import { eq, sql } from 'drizzle-orm';
import { write } from '../context.ts';
import type { ReadDb } from '../db/index.ts';
import { prepared } from '../db/prepared.ts';
import { roleGrant, session, unit, user } from '../db/schema/index.ts';
import { randomSecret, secretHash } from './secret.ts';
import type { SessionUser } from './session-user.ts';
import { sessionEnd, sessionPolicy, sessionPolicyOf, settingSql } from './session-policy.ts';

export const SESSION_COOKIE = 'xuefa_session';

export interface Session {
	id: string;
	userId: number;
	/** When it ends unless used again (the cookie's expiry). */
	expiresAt: Date;
}

export const generateSessionToken = randomSecret;

/** The stored id is the token's SHA-256, so the session table alone cannot be used to log in. */
export const sessionIdOf = secretHash;

export async function createSession(
	db: ReadDb,
	token: string,
	userId: number,
	now: Date
): Promise<Session> {
	const times = { createdAt: now, lastSeenAt: now };
	const row: Session = {
		id: sessionIdOf(token),
		userId,
		expiresAt: sessionEnd(times, await sessionPolicy(db))
	};
	await write(db, (tx) => tx.insert(session).values({ ...row, ...times }));
	return row;
}

export type SessionValidation =
	{ session: Session; user: SessionUser } | { session: null; user: null };

/**
 * A session's last use is written when this much of its idle timeout has passed, at most every
 * five minutes: a request does not cost a write, and a session ends at most this much early.
 */
const touchAfter = (idleMs: number) => Math.min(idleMs / 24, 5 * 60_000);

// the grants of the session's user, as JSON, inside the session's own SELECT
const grantsSql = sql<string>`(SELECT json_group_array(json_object('role', ${roleGrant.role}, 'unitId', ${roleGrant.unitId}, 'unitPath', ${unit.path}, 'unitName', ${unit.name})) FROM ${roleGrant} JOIN ${unit} ON ${unit.id} = ${roleGrant.unitId} WHERE ${roleGrant.userId} = ${user.id})`;

// The check's one query, built once (db/prepared.ts). Only its SQL is kept: every request reads
// the session afresh, so a session ended or an account disabled by any process stops at once.
const sessionQuery = prepared((db) =>
	db
		.select({
			session,
			user: {
				id: user.id,
				username: user.username,
				displayName: user.displayName,
				personId: user.personId,
				mustChangePassword: user.mustChangePassword,
				disabled: user.disabled
			},
			grants: grantsSql,
			idle: settingSql('session.idleMinutes'),
			lifetime: settingSql('session.lifetimeHours')
		})
		.from(session)
		.innerJoin(user, eq(user.id, session.userId))
		.where(eq(session.id, sql.placeholder('id')))
		.prepare()
);

/**
 * Checks a session token in one query (session, user, grants and the session policy, as in
 * Lucia's examples): the session ends after the idle timeout without use, and after its absolute
 * lifetime however much it is used (both policy settings, see session-policy.ts).
 */
export async function validateSessionToken(
	db: ReadDb,
	token: string,
	now: Date
): Promise<SessionValidation> {
	const id = sessionIdOf(token);
	const [row] = await sessionQuery(db).all({ id });
	if (!row || row.user.disabled) return { session: null, user: null };
	const policy = sessionPolicyOf(row.idle, row.lifetime);
	const end = sessionEnd(row.session, policy);
	if (now.getTime() >= end.getTime()) {
		await write(db, (tx) => tx.delete(session).where(eq(session.id, id)));
		return { session: null, user: null };
	}
	const found: Session = { id, userId: row.session.userId, expiresAt: end };
	if (now.getTime() - row.session.lastSeenAt.getTime() >= touchAfter(policy.idleMs)) {
		found.expiresAt = sessionEnd({ createdAt: row.session.createdAt, lastSeenAt: now }, policy);
		const expiresAt = found.expiresAt;
		await write(db, (tx) =>
			tx.update(session).set({ lastSeenAt: now, expiresAt }).where(eq(session.id, id))
		);
	}
	const { disabled: _, ...u } = row.user;
	const grants = JSON.parse(row.grants) as SessionUser['grants'];
	return { session: found, user: { ...u, grants } };
}

export async function invalidateSession(db: ReadDb, sessionId: string): Promise<void> {
	await write(db, (tx) => tx.delete(session).where(eq(session.id, sessionId)));
}

export async function invalidateUserSessions(db: ReadDb, userId: number): Promise<void> {
	await write(db, (tx) => tx.delete(session).where(eq(session.userId, userId)));
}
