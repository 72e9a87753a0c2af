import { asc, eq, inArray, isNull } from 'drizzle-orm';
import type { SessionUser } from '../../auth/session-user.ts';
import { can } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import { person, roleGrant, unit, user } from '../../db/schema/index.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';

/** What may be done to an account: open it, or change an existing one. */
export type AccountPermission = 'account.open' | 'account.manage';

/**
 * The one rule for touching an account (opening it, renaming its login, resetting its password,
 * disabling it): `permission` on the account's own unit AND on every unit where it holds, or will
 * hold, a role. Otherwise an administrator of a sub-unit could take over the account of someone
 * whose powers reach above them — and those powers with it.
 * @param unitPaths - the paths of the account's unit and of every unit of its grants
 */
export function mayTouchAccount(
	user: SessionUser,
	permission: AccountPermission,
	unitPaths: string[]
): boolean {
	return unitPaths.length > 0 && unitPaths.every((path) => can(user, permission, path));
}

/** Throws unless {@link mayTouchAccount} holds for these units (ids). */
export async function authorizeAccountUnits(
	ctx: Ctx,
	permission: AccountPermission,
	unitIds: number[]
): Promise<void> {
	const ids = [...new Set(unitIds)];
	const rows = await ctx.db.select({ path: unit.path }).from(unit).where(inArray(unit.id, ids));
	if (
		rows.length !== ids.length ||
		!mayTouchAccount(
			ctx.user,
			permission,
			rows.map((r) => r.path)
		)
	)
		throw new ForbiddenError();
}

/**
 * The unit an account belongs to, for permission checks: its person's unit, or the root unit for
 * an account with no person (the bootstrap administrator).
 */
export async function accountUnit(
	db: ReadDb,
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

/** Throws unless the user may change this existing account ({@link mayTouchAccount}). */
export async function authorizeAccount(ctx: Ctx, userId: number) {
	const target = await accountUnit(ctx.db, userId);
	const grants = await ctx.db
		.selectDistinct({ unitId: roleGrant.unitId })
		.from(roleGrant)
		.where(eq(roleGrant.userId, userId));
	await authorizeAccountUnits(ctx, 'account.manage', [
		target.unitId,
		...grants.map((g) => g.unitId)
	]);
	return target;
}
