import { and, eq } from 'drizzle-orm';
import type { GrantRoleInput, RevokeRoleInput } from '$lib/schemas/org.ts';
import { authorize } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import { roleGrant } from '../../db/schema/index.ts';
import { ConflictError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { accountUnit } from '../accounts/account-unit.ts';

/**
 * Grants a role on a unit (covering its sub-units) to a person of the granter's units: an
 * administrator of a street neither reaches nor hands powers to the district's officers. Granting
 * what is already held is a no-op.
 */
export async function grantRole(ctx: Ctx, input: GrantRoleInput): Promise<void> {
	await authorize(ctx, 'role.grant', input.unitId);
	const target = await accountUnit(ctx.db, input.userId);
	await authorize(ctx, 'role.grant', target.unitId);
	await transact(ctx, async (tx) => {
		const inserted = await tx.db
			.insert(roleGrant)
			.values({ ...input, grantedAt: ctx.now })
			.onConflictDoNothing()
			.returning();
		if (inserted.length === 0) return;
		await appendAudit(tx, {
			action: 'role.granted',
			entityType: 'user',
			entityId: input.userId,
			unitId: input.unitId,
			after: { role: input.role, unitId: input.unitId }
		});
	});
}

/**
 * Revokes a role on a unit, from a person of the revoker's units (as granting): a unit's
 * administrator does not take away what the district gave its own officers there. An
 * administrator cannot revoke their own admin role (no lock-out).
 */
export async function revokeRole(ctx: Ctx, input: RevokeRoleInput): Promise<void> {
	await authorize(ctx, 'role.grant', input.unitId);
	const target = await accountUnit(ctx.db, input.userId);
	await authorize(ctx, 'role.grant', target.unitId);
	if (input.userId === ctx.user.id && input.role === 'admin') {
		throw new ConflictError('error_revoke_own_admin');
	}
	await transact(ctx, async (tx) => {
		const removed = await tx.db
			.delete(roleGrant)
			.where(
				and(
					eq(roleGrant.userId, input.userId),
					eq(roleGrant.role, input.role),
					eq(roleGrant.unitId, input.unitId)
				)
			)
			.returning();
		if (removed.length === 0) return;
		await appendAudit(tx, {
			action: 'role.revoked',
			entityType: 'user',
			entityId: input.userId,
			unitId: input.unitId,
			before: { role: input.role, unitId: input.unitId }
		});
	});
}
