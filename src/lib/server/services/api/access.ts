/**
 * Who calls `/api/v1`: a bearer token, checked against its hash, its expiry and revocation,
 * limited per token with the database-backed limiter, and every answered request audited.
 */
import { eq, sql } from 'drizzle-orm';
import {
	type ThrottleKey,
	type ThrottlePolicy,
	lockedFor,
	recordFailure
} from '../../auth/rate-limit.ts';
import { secretHash } from '../../auth/secret.ts';
import { write } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import { apiToken } from '../../db/schema/index.ts';
import { NotFoundError, RateLimitedError, UnauthorizedError } from '../../errors.ts';
import { intIn, readSettings } from '../../settings.ts';
import { appendAudit } from '../audit/append.ts';
import { tokenReach } from './reach.ts';
import { tokenState } from './tokens.ts';

/** What an API service receives first: which token reads, through which database, at what time. */
export interface ApiCtx {
	db: ReadDb;
	now: Date;
	token: { id: number; name: string; unitPaths: string[] };
}

/** The secret of an `Authorization: Bearer <secret>` header, or null. */
export function bearerSecret(header: string | null): string | null {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
	return match ? match[1]! : null;
}

/**
 * The token a secret belongs to, with the paths of the units it reads now (see reach.ts); throws
 * unless it may be used now.
 */
export async function authenticateToken(
	db: ReadDb,
	secret: string | null,
	now: Date
): Promise<ApiCtx> {
	if (!secret) throw new UnauthorizedError();
	const [row] = await db
		.select({
			id: apiToken.id,
			name: apiToken.name,
			createdBy: apiToken.createdBy,
			expiresAt: apiToken.expiresAt,
			revokedAt: apiToken.revokedAt
		})
		.from(apiToken)
		.where(eq(apiToken.secretHash, secretHash(secret)));
	if (!row) throw new UnauthorizedError();
	const state = tokenState(row, now);
	if (state === 'revoked') throw new UnauthorizedError();
	if (state === 'expired') throw new UnauthorizedError('api_token_expired');
	const { reach } = (await tokenReach(db, [row])).get(row.id)!;
	if (reach.length === 0) throw new UnauthorizedError('api_token_suspended');
	return { db, now, token: { id: row.id, name: row.name, unitPaths: reach.map((u) => u.path) } };
}

/** Whether the token may read the unit at `unitPath` (one of its units or below). */
export function tokenCovers(ctx: ApiCtx, unitPath: string): boolean {
	return ctx.token.unitPaths.some((p) => unitPath.startsWith(p));
}

/**
 * A record outside the token's units. The caller is answered as for an unknown record (404), as
 * HR's pages do, so that a guessed employee or case number tells nothing; the audit log still
 * says the token asked beyond its units (outcome `forbidden`), for its administrators.
 */
export class OutsideTokenUnitsError extends NotFoundError {}

/** Throws {@link OutsideTokenUnitsError} unless the token covers the unit at `unitPath`. */
export function authorizeToken(ctx: ApiCtx, unitPath: string): void {
	if (!tokenCovers(ctx, unitPath)) throw new OutsideTokenUnitsError();
}

const MINUTE = 60_000;

/** Requests a token may make per minute (policy setting `api.requestsPerMinute`). */
export async function apiPolicy(db: ReadDb): Promise<ThrottlePolicy> {
	const { 'api.requestsPerMinute': perMinute } = await readSettings(
		db,
		{ 'api.requestsPerMinute': 120 },
		{ 'api.requestsPerMinute': intIn(1, 10_000) }
	);
	// every request counts; the one that reaches the limit locks the token for a minute
	return { free: perMinute - 1, windowMs: MINUTE, lockMs: () => MINUTE, resetOnLock: true };
}

const throttleKey = (ctx: ApiCtx, policy: ThrottlePolicy): ThrottleKey => ({
	key: `api:${ctx.token.id}`,
	scope: 'api',
	policy
});

/**
 * Throws (429, with the seconds to wait) while the token is over its limit. A refused request
 * writes nothing, so that a client hammering the API cannot fill the audit log.
 */
export async function checkApiLimit(ctx: ApiCtx): Promise<ThrottleKey> {
	const key = throttleKey(ctx, await apiPolicy(ctx.db));
	const wait = await lockedFor(ctx.db, [key], ctx.now);
	if (wait > 0) throw new RateLimitedError('api_rate_limited', { seconds: Math.ceil(wait / 1000) });
	return key;
}

/** What one answered request did, for the audit log. */
export interface ApiUse {
	/** The operation, as the OpenAPI document names it. */
	operation: string;
	/** The path parameters it was called with (whose record: an employee number). */
	params?: Record<string, string>;
	outcome: 'ok' | 'forbidden' | 'not_found' | 'invalid';
	/** The unit of the record read, so that the unit's administrators see the entry. */
	unitId?: number | null;
}

/**
 * Records one answered request in one write: it counts against the token's limit, becomes the
 * token's last use, and is audited (which token read what, whether it was given it).
 */
export async function recordApiUse(ctx: ApiCtx, key: ThrottleKey, use: ApiUse): Promise<void> {
	await write(ctx.db, async (tx) => {
		await recordFailure(tx, [key], ctx.now);
		await tx
			.update(apiToken)
			.set({ lastUsedAt: ctx.now, useCount: sql`${apiToken.useCount} + 1` })
			.where(eq(apiToken.id, ctx.token.id));
		await appendAudit(
			{ db: tx, now: ctx.now, user: null },
			{
				action: 'api_token.used',
				entityType: 'api_token',
				entityId: ctx.token.id,
				unitId: use.unitId ?? null,
				after: {
					name: ctx.token.name,
					operation: use.operation,
					...use.params,
					outcome: use.outcome
				}
			}
		);
	});
}
