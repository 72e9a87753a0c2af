/**
 * How far a token reaches. A token acts on the authority of the administrator who made it: it reads
 * those of its units that this administrator still administers, while their account is enabled.
 * An administrator who leaves the post, loses the role for a unit or is disabled takes the token's
 * reach with them, as their sessions lose it; a token left with no unit is suspended (the token list
 * says so) until a current administrator makes a new one.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { GRANT_COLUMNS } from '../../auth/session-user.ts';
import { can } from '../../authz/index.ts';
import type { ReadDb } from '../../db/index.ts';
import { apiTokenUnit, roleGrant, unit, user } from '../../db/schema/index.ts';

export interface TokenUnit {
	id: number;
	name: string;
	path: string;
}

export interface TokenReach {
	/** The units the token was made for, by path. */
	units: TokenUnit[];
	/** Those of them it may read now. */
	reach: TokenUnit[];
}

/** The units and the present reach of each token. */
export async function tokenReach(
	db: ReadDb,
	tokens: readonly { id: number; createdBy: number | null }[]
): Promise<Map<number, TokenReach>> {
	const out = new Map<number, TokenReach>(tokens.map((t) => [t.id, { units: [], reach: [] }]));
	if (tokens.length === 0) return out;
	const units = await db
		.select({ tokenId: apiTokenUnit.tokenId, id: unit.id, name: unit.name, path: unit.path })
		.from(apiTokenUnit)
		.innerJoin(unit, eq(unit.id, apiTokenUnit.unitId))
		.where(
			inArray(
				apiTokenUnit.tokenId,
				tokens.map((t) => t.id)
			)
		)
		.orderBy(unit.path);
	const makers = [...new Set(tokens.flatMap((t) => (t.createdBy === null ? [] : [t.createdBy])))];
	const grants =
		makers.length === 0
			? []
			: await db
					.select({ userId: roleGrant.userId, ...GRANT_COLUMNS })
					.from(roleGrant)
					.innerJoin(unit, eq(unit.id, roleGrant.unitId))
					.innerJoin(user, eq(user.id, roleGrant.userId))
					.where(and(inArray(roleGrant.userId, makers), eq(user.disabled, false)));
	const makerOf = new Map(tokens.map((t) => [t.id, t.createdBy]));
	for (const { tokenId, ...u } of units) {
		const entry = out.get(tokenId)!;
		entry.units.push(u);
		const maker = { grants: grants.filter((g) => g.userId === makerOf.get(tokenId)) };
		if (can(maker, 'api_token.manage', u.path)) entry.reach.push(u);
	}
	return out;
}
