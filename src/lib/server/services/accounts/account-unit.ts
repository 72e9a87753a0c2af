import { asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { person, unit, user } from '../../db/schema/index.ts';
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
