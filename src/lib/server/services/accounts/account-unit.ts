import { asc, eq, isNull } from 'drizzle-orm';
import { authorize } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import type { DbOrTx } from '../../db/index.ts';
import { person, roleGrant, unit, user } from '../../db/schema/index.ts';
import { NotFoundError } from '../../errors.ts';

/**
 * The unit an account belongs to, for permission checks: its person's unit, or the root unit for
 * an account with no person (the bootstrap administrator).
 */
export async function accountUnit(
	db: DbOrTx,
	userId: number
): Promise<{ unitId: number; username: string; personId: number | null }> {
	const [row] = await db
		.select({ username: user.username, personId: user.personId, unitId: person.unitId })
		.from(user)
		.leftJoin(person, eq(person.id, user.personId))
		.where(eq(user.id, userId));
	if (!row) throw new NotFoundError();
	if (row.unitId !== null)
		return { unitId: row.unitId, username: row.username, personId: row.personId };
	const [root] = await db
		.select({ id: unit.id })
		.from(unit)
		.where(isNull(unit.parentId))
		.orderBy(asc(unit.id))
		.limit(1);
	if (!root) throw new NotFoundError();
	return { unitId: root.id, username: row.username, personId: null };
}

/**
 * Throws unless the user may manage this account: `account.manage` on the account's own unit AND
 * on every unit where the account holds a role. Otherwise an administrator of a sub-unit could
 * reset the password of someone whose powers reach above them, and take those powers over.
 */
export async function authorizeAccount(ctx: Ctx, userId: number) {
	const target = await accountUnit(ctx.db, userId);
	await authorize(ctx, 'account.manage', target.unitId);
	const grants = await ctx.db
		.selectDistinct({ unitId: roleGrant.unitId })
		.from(roleGrant)
		.where(eq(roleGrant.userId, userId));
	for (const g of grants) await authorize(ctx, 'account.manage', g.unitId);
	return target;
}
