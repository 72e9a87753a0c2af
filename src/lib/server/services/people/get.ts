import { eq } from 'drizzle-orm';
import { authorize } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { person, roleGrant, unit, user } from '../../db/schema/index.ts';
import { NotFoundError } from '../../errors.ts';

/** One person with their unit, account and role grants. A cadre may read only themself. */
export async function getPerson(ctx: Ctx, personId: number) {
	const [row] = await ctx.db
		.select({ person, unitName: unit.name, unitPath: unit.path })
		.from(person)
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(eq(person.id, personId));
	if (!row) throw new NotFoundError();
	if (ctx.user.personId !== personId) await authorize(ctx, 'person.read', row.person.unitId);
	const [account] = await ctx.db
		.select({
			id: user.id,
			username: user.username,
			disabled: user.disabled,
			mustChangePassword: user.mustChangePassword
		})
		.from(user)
		.where(eq(user.personId, personId));
	const grants = account
		? await ctx.db
				.select({ role: roleGrant.role, unitId: roleGrant.unitId, unitName: unit.name })
				.from(roleGrant)
				.innerJoin(unit, eq(unit.id, roleGrant.unitId))
				.where(eq(roleGrant.userId, account.id))
		: [];
	return {
		...row.person,
		unitName: row.unitName,
		unitPath: row.unitPath,
		account: account ?? null,
		grants
	};
}
