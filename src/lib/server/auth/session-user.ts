import { eq } from 'drizzle-orm';
import type { ReadDb } from '../db/index.ts';
import { type Role, roleGrant, unit, user } from '../db/schema/index.ts';

/** A role on a unit; `unitPath` lets permission checks cover the subtree without a query. */
export interface Grant {
	role: Role;
	unitId: number;
	unitPath: string;
	unitName: string;
}

/** A {@link Grant} as a select reads it (from `role_grant` joined with its `unit`). */
export const GRANT_COLUMNS = {
	role: roleGrant.role,
	unitId: roleGrant.unitId,
	unitPath: unit.path,
	unitName: unit.name
};

/** The signed-in user as every load, action and service sees it. */
export interface SessionUser {
	id: number;
	username: string;
	displayName: string;
	personId: number | null;
	mustChangePassword: boolean;
	grants: Grant[];
}

export async function loadSessionUser(db: ReadDb, userId: number): Promise<SessionUser | null> {
	const [u] = await db.select().from(user).where(eq(user.id, userId));
	if (!u || u.disabled) return null;
	const grants = await db
		.select(GRANT_COLUMNS)
		.from(roleGrant)
		.innerJoin(unit, eq(unit.id, roleGrant.unitId))
		.where(eq(roleGrant.userId, userId));
	return {
		id: u.id,
		username: u.username,
		displayName: u.displayName,
		personId: u.personId,
		mustChangePassword: u.mustChangePassword,
		grants
	};
}
