import { count, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { AUDIT_REFERENCES, type AuditNames } from '$lib/audit.ts';
import { authorizeAnywhere, inScope, isTopLevelPath } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import { auditEntry, person, questionBank, unit, user } from '../../db/schema/index.ts';

export const AUDIT_PAGE_SIZE = 50;

/**
 * The names of the units, banks and people the entries refer to by id (in `before` / `after`), so
 * the page shows 东城街道, not 7.
 */
async function namesOf(
	db: ReadDb,
	rows: { before: unknown; after: unknown }[]
): Promise<AuditNames> {
	const ids: Record<keyof AuditNames, Set<number>> = {
		unit: new Set(),
		bank: new Set(),
		person: new Set()
	};
	for (const r of rows)
		for (const side of [r.before, r.after])
			if (side && typeof side === 'object')
				for (const [field, value] of Object.entries(side))
					if (AUDIT_REFERENCES[field] && Number.isInteger(value))
						ids[AUDIT_REFERENCES[field]].add(value as number);
	const lookup = async (
		table: typeof unit | typeof questionBank | typeof person,
		wanted: Set<number>
	) =>
		wanted.size === 0
			? {}
			: Object.fromEntries(
					(
						await db
							.select({ id: table.id, name: table.name })
							.from(table)
							.where(inArray(table.id, [...wanted]))
					).map((r) => [String(r.id), r.name])
				);
	return {
		unit: await lookup(unit, ids.unit),
		bank: await lookup(questionBank, ids.bank),
		person: await lookup(person, ids.person)
	};
}

/**
 * Audit entries about units in the user's `audit.read` scope, newest first, with the names of what
 * they refer to. Entries tied to no unit (system events) are shown only to those whose scope
 * includes a top-level unit.
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
	return {
		rows,
		names: await namesOf(ctx.db, rows),
		total: total?.n ?? 0,
		page,
		pageSize: AUDIT_PAGE_SIZE
	};
}
