import { eq, like, or, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { SessionUser } from '../auth/session-user.ts';
import { unit, type Role } from '../db/schema/index.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { Ctx } from '../context.ts';
import { INSTALLATION_WIDE, type Permission, rolesFor } from './permissions.ts';

export { PERMISSIONS, type Permission } from './permissions.ts';

/** Is this the path of a top-level unit (a root of the unit tree, `/7/`)? */
export function isTopLevelPath(path: string): boolean {
	return /^\/\d+\/$/.test(path);
}

/** Does the user hold `role` anywhere? */
export function hasRole(user: SessionUser, role: Role): boolean {
	return user.grants.some((g) => g.role === role);
}

/**
 * The unit paths where `permission` applies for this user, with paths already covered by an
 * ancestor removed. Empty when the user has the permission nowhere.
 */
export function scopePaths(user: Pick<SessionUser, 'grants'>, permission: Permission): string[] {
	const roles = rolesFor(permission);
	const wide = INSTALLATION_WIDE.has(permission);
	const paths = user.grants
		.filter((g) => roles.includes(g.role) && (!wide || isTopLevelPath(g.unitPath)))
		.map((g) => g.unitPath)
		.sort((a, b) => a.length - b.length);
	return paths.filter((p, i) => !paths.slice(0, i).some((q) => p.startsWith(q)));
}

/** The one question every service asks: may this user do `permission` on the unit at `unitPath`? */
export function can(
	user: Pick<SessionUser, 'grants'>,
	permission: Permission,
	unitPath: string
): boolean {
	return scopePaths(user, permission).some((p) => unitPath.startsWith(p));
}

/** May the user do `permission` anywhere at all? (Navigation and list pages.) */
export function canAnywhere(user: SessionUser, permission: Permission): boolean {
	return scopePaths(user, permission).length > 0;
}

/**
 * A SQL condition restricting `pathColumn` (a unit path) to the user's scope for `permission`;
 * matches nothing when the user has no scope.
 */
export function inScope(user: SessionUser, permission: Permission, pathColumn: SQLiteColumn): SQL {
	const paths = scopePaths(user, permission);
	if (paths.length === 0) return sql`0`;
	return or(...paths.map((p) => like(pathColumn, `${p}%`))) as SQL;
}

/**
 * Throws unless the user may do `permission` on unit `unitId`. A unit outside every scope is
 * reported as forbidden, never as missing-or-not, so that ids cannot be probed: a missing unit
 * is "not found" only to a user whose scope is a whole tree, who could list every unit anyway.
 */
export async function authorize(ctx: Ctx, permission: Permission, unitId: number): Promise<string> {
	const [row] = await ctx.db.select({ path: unit.path }).from(unit).where(eq(unit.id, unitId));
	if (!row) {
		if (scopePaths(ctx.user, permission).some(isTopLevelPath)) throw new NotFoundError();
		throw new ForbiddenError();
	}
	if (!can(ctx.user, permission, row.path)) throw new ForbiddenError();
	return row.path;
}

/** Throws unless the user may do `permission` somewhere. */
export function authorizeAnywhere(ctx: Ctx, permission: Permission): void {
	if (!canAnywhere(ctx.user, permission)) throw new ForbiddenError();
}
