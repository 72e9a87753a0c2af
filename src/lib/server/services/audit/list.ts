import { count, desc, eq, isNull, or } from 'drizzle-orm';
import { authorizeAnywhere, inScope, isTopLevelPath } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { auditEntry, unit, user } from '../../db/schema/index.ts';

export const AUDIT_PAGE_SIZE = 50;

/**
 * Audit entries about units in the user's `audit.read` scope, newest first. Entries tied to no unit
 * (system events) are shown only to those whose scope includes a top-level unit.
 */
export async function listAudit(ctx: Ctx, page: number) {
	authorizeAnywhere(ctx, 'audit.read');
	const rootScope = ctx.user.grants.some((g) => g.role === 'admin' && isTopLevelPath(g.unitPath));
	const where = or(
		inScope(ctx.user, 'audit.read', unit.path),
		rootScope ? isNull(auditEntry.unitId) : undefined
	);
	const [total] = await ctx.db
		.select({ n: count() })
		.from(auditEntry)
		.leftJoin(unit, eq(unit.id, auditEntry.unitId))
		.where(where);
	const rows = await ctx.db
		.select({
			seq: auditEntry.seq,
			at: auditEntry.at,
			action: auditEntry.action,
			entityType: auditEntry.entityType,
			entityId: auditEntry.entityId,
			before: auditEntry.before,
			after: auditEntry.after,
			unitName: unit.name,
			actor: user.displayName
		})
		.from(auditEntry)
		.leftJoin(unit, eq(unit.id, auditEntry.unitId))
		.leftJoin(user, eq(user.id, auditEntry.actorUserId))
		.where(where)
		.orderBy(desc(auditEntry.seq))
		.limit(AUDIT_PAGE_SIZE)
		.offset((page - 1) * AUDIT_PAGE_SIZE);
	return { rows, total: total?.n ?? 0, page, pageSize: AUDIT_PAGE_SIZE };
}
