import { count, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { AUDIT_REFERENCES, type AuditNames } from '$lib/audit.ts';
import { authorizeAnywhere, inScope, isTopLevelPath } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import {
	auditEntry,
	person,
	questionBank,
	studyPlanItem,
	studyTeam,
	unit,
	user
} from '../../db/schema/index.ts';

export const AUDIT_PAGE_SIZE = 50;

/** The ids a field refers to: one id, or a list of them (`personIds`). */
function referencedIds(field: string, value: unknown): number[] {
	if (!AUDIT_REFERENCES[field]) return [];
	return (Array.isArray(value) ? value : [value]).filter((v): v is number => Number.isInteger(v));
}

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
		person: new Set(),
		team: new Set(),
		planItem: new Set()
	};
	for (const r of rows)
		for (const side of [r.before, r.after])
			if (side && typeof side === 'object')
				for (const [field, value] of Object.entries(side))
					for (const id of referencedIds(field, value)) ids[AUDIT_REFERENCES[field]!].add(id);
	// attendance marks are a list of { personId, status }
	for (const r of rows)
		for (const side of [r.before, r.after])
			if (Array.isArray(side))
				for (const mark of side)
					if (mark && Number.isInteger(mark.personId)) ids.person.add(mark.personId);
	const lookup = async (
		table: typeof unit | typeof questionBank | typeof person | typeof studyTeam,
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
	const items =
		ids.planItem.size === 0
			? []
			: await db
					.select({ id: studyPlanItem.id, topic: studyPlanItem.topic })
					.from(studyPlanItem)
					.where(inArray(studyPlanItem.id, [...ids.planItem]));
	return {
		unit: await lookup(unit, ids.unit),
		bank: await lookup(questionBank, ids.bank),
		person: await lookup(person, ids.person),
		team: await lookup(studyTeam, ids.team),
		planItem: Object.fromEntries(items.map((r) => [String(r.id), r.topic]))
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
