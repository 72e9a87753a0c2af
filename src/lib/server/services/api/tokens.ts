/**
 * API tokens, as an administrator manages them: made for named units (each with its subtree),
 * shown once, kept only as a hash, revocable, listed with their last use.
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { addDays, shanghaiDate, shanghaiInstant } from '@xuefa/core';
import type { CreateApiTokenInput, RevokeApiTokenInput } from '$lib/schemas/api-tokens.ts';
import { randomSecret, secretHash } from '../../auth/secret.ts';
import { authorizeAnywhere, can } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import { apiToken, apiTokenUnit, unit, user } from '../../db/schema/index.ts';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { tokenReach } from './reach.ts';

/** Tokens start with this, so that a secret scanner or a person recognises one in a log or a file. */
export const TOKEN_PREFIX = 'xuefa_';

/**
 * The state of a token at `now`. Suspended: its maker no longer administers any of its units (see
 * reach.ts).
 */
export type ApiTokenState = 'active' | 'expired' | 'revoked' | 'suspended';

export function tokenState(
	row: { revokedAt: Date | null; expiresAt: Date | null },
	now: Date
): Exclude<ApiTokenState, 'suspended'> {
	if (row.revokedAt) return 'revoked';
	if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return 'expired';
	return 'active';
}

/**
 * The tokens this administrator may manage: those whose every unit lies within their own scope
 * (a district administrator sees them all, a street's only the street's).
 */
export async function listApiTokens(ctx: Ctx) {
	authorizeAnywhere(ctx, 'api_token.manage');
	const rows = await ctx.db
		.select({
			id: apiToken.id,
			name: apiToken.name,
			hint: apiToken.hint,
			createdAt: apiToken.createdAt,
			makerId: apiToken.createdBy,
			createdBy: user.displayName,
			expiresAt: apiToken.expiresAt,
			revokedAt: apiToken.revokedAt,
			lastUsedAt: apiToken.lastUsedAt,
			useCount: apiToken.useCount
		})
		.from(apiToken)
		.leftJoin(user, eq(user.id, apiToken.createdBy))
		.orderBy(desc(apiToken.createdAt), desc(apiToken.id));
	const reach = await tokenReach(
		ctx.db,
		rows.map((r) => ({ id: r.id, createdBy: r.makerId }))
	);
	return rows
		.map(({ makerId: _, ...r }) => {
			const { units, reach: now } = reach.get(r.id)!;
			const state = tokenState(r, ctx.now);
			return {
				...r,
				units,
				state: state === 'active' && now.length === 0 ? ('suspended' as const) : state
			};
		})
		.filter((r) => r.units.every((u) => can(ctx.user, 'api_token.manage', u.path)))
		.map(({ units: us, ...r }) => ({ ...r, units: us.map(({ id, name }) => ({ id, name })) }));
}

/**
 * Makes a token and returns its secret: the only time it is seen, since only its hash is kept.
 * Every unit must lie within the administrator's scope; the last day, if any, must not be past.
 */
export async function createApiToken(
	ctx: Ctx,
	input: CreateApiTokenInput
): Promise<{ id: number; name: string; secret: string }> {
	authorizeAnywhere(ctx, 'api_token.manage');
	const unitIds = [...new Set(input.unitIds)];
	const units = await ctx.db
		.select({ id: unit.id, path: unit.path })
		.from(unit)
		.where(inArray(unit.id, unitIds));
	if (units.length !== unitIds.length) throw new InvalidInputError({ unitIds: ['err_invalid'] });
	if (!units.every((u) => can(ctx.user, 'api_token.manage', u.path))) throw new ForbiddenError();
	const today = shanghaiDate(ctx.now);
	if (input.expiresOn !== undefined && input.expiresOn < today)
		throw new InvalidInputError({ expiresOn: ['err_api_token_expiry_past'] });
	// the token works through its last day, Beijing time
	const expiresAt = input.expiresOn ? shanghaiInstant(addDays(input.expiresOn, 1)) : null;
	const secret = `${TOKEN_PREFIX}${randomSecret()}`;
	return transact(ctx, async (tx) => {
		const [row] = await tx.db
			.insert(apiToken)
			.values({
				name: input.name,
				secretHash: secretHash(secret),
				hint: secret.slice(-4),
				createdAt: ctx.now,
				createdBy: ctx.user.id,
				expiresAt
			})
			.returning({ id: apiToken.id });
		const id = row!.id;
		await tx.db.insert(apiTokenUnit).values(unitIds.map((unitId) => ({ tokenId: id, unitId })));
		await appendAudit(tx, {
			action: 'api_token.created',
			entityType: 'api_token',
			entityId: id,
			unitId: unitIds[0],
			after: { name: input.name, unitIds, expiresOn: input.expiresOn ?? null }
		});
		return { id, name: input.name, secret };
	});
}

/** Revokes a token at once: its next request is answered 401. Revoking twice changes nothing. */
export async function revokeApiToken(ctx: Ctx, input: RevokeApiTokenInput): Promise<void> {
	authorizeAnywhere(ctx, 'api_token.manage');
	const [row] = await ctx.db
		.select({ name: apiToken.name, revokedAt: apiToken.revokedAt })
		.from(apiToken)
		.where(eq(apiToken.id, input.tokenId));
	if (!row) throw new NotFoundError();
	const { units } = (await tokenReach(ctx.db, [{ id: input.tokenId, createdBy: null }])).get(
		input.tokenId
	)!;
	if (!units.every((u) => can(ctx.user, 'api_token.manage', u.path))) throw new ForbiddenError();
	if (row.revokedAt) return;
	await transact(ctx, async (tx) => {
		const done = await tx.db
			.update(apiToken)
			.set({ revokedAt: ctx.now, revokedBy: ctx.user.id })
			.where(and(eq(apiToken.id, input.tokenId), isNull(apiToken.revokedAt)))
			.returning({ id: apiToken.id });
		// revoked meanwhile by another administrator
		if (done.length === 0) return;
		await appendAudit(tx, {
			action: 'api_token.revoked',
			entityType: 'api_token',
			entityId: input.tokenId,
			unitId: units[0]?.id ?? null,
			after: { name: row.name }
		});
	});
}
