import {
	type SQL,
	and,
	count,
	desc,
	eq,
	gt,
	gte,
	inArray,
	isNull,
	like,
	lt,
	min,
	or,
	sql
} from 'drizzle-orm';
import { addDays, shanghaiInstant } from '@xuefa/core';
import { AUDIT_REFERENCES, type AuditNames } from '$lib/audit.ts';
import type { AuditFilter } from '$lib/schemas/audit.ts';
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
import { auditRecordHref } from './links.ts';

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

/** The conditions of the filters (each one given narrows the list). */
async function filterConditions(ctx: Ctx, filter: AuditFilter): Promise<(SQL | undefined)[]> {
	const out: (SQL | undefined)[] = [];
	if (filter.actor) {
		const q = filter.actor;
		out.push(
			inArray(
				auditEntry.actorUserId,
				ctx.db
					.select({ id: user.id })
					.from(user)
					.where(
						or(
							eq(sql`lower(${user.username})`, q.toLowerCase()),
							sql`instr(${user.displayName}, ${q}) > 0`
						)
					)
			)
		);
	}
	if (filter.action) out.push(eq(auditEntry.action, filter.action));
	if (filter.unitId !== undefined) {
		const [chosen] = await ctx.db
			.select({ path: unit.path })
			.from(unit)
			.where(eq(unit.id, filter.unitId));
		// an unknown unit matches nothing rather than everything
		out.push(chosen ? like(unit.path, `${chosen.path}%`) : sql`0`);
	}
	if (filter.from) out.push(gte(auditEntry.at, shanghaiInstant(filter.from)));
	if (filter.to) out.push(lt(auditEntry.at, shanghaiInstant(addDays(filter.to, 1))));
	return out;
}

/** The people behind the accounts that entries are about (`user` entries link to the person). */
async function personOfUsers(db: ReadDb, rows: { entityType: string; entityId: string }[]) {
	const ids = rows
		.filter((r) => r.entityType === 'user' && /^\d+$/.test(r.entityId))
		.map((r) => Number(r.entityId));
	if (ids.length === 0) return {};
	const found = await db
		.select({ id: user.id, personId: user.personId })
		.from(user)
		.where(inArray(user.id, [...new Set(ids)]));
	return Object.fromEntries(
		found.filter((u) => u.personId !== null).map((u) => [String(u.id), u.personId!])
	);
}

/** The audit list counts at most this many matching entries (shown as "10000+"). */
export const AUDIT_COUNT_CAP = 10_000;

/**
 * Audit entries about units in the user's `audit.read` scope, newest first, narrowed by the
 * filters, a page at a time, with the names of what they refer to and a link to the record each
 * concerns. Entries tied to no unit (system events) are shown only to those whose scope includes
 * a top-level unit.
 */
export async function listAudit(ctx: Ctx, filter: AuditFilter) {
	authorizeAnywhere(ctx, 'audit.read');
	const rootScope = ctx.user.grants.some((g) => g.role === 'admin' && isTopLevelPath(g.unitPath));
	const where = and(
		or(
			inScope(ctx.user, 'audit.read', unit.path),
			rootScope && filter.unitId === undefined ? isNull(auditEntry.unitId) : undefined
		),
		...(await filterConditions(ctx, filter))
	);
	// counted up to a cap: the log grows by thousands of entries a day, and counting all of them
	// on every page would read the whole log each time (nobody pages that far; narrow by date)
	const matching = ctx.db
		.select({ seq: auditEntry.seq })
		.from(auditEntry)
		.leftJoin(unit, eq(unit.id, auditEntry.unitId))
		.where(where)
		.limit(AUDIT_COUNT_CAP + 1)
		.as('matching');
	const [total] = await ctx.db.select({ n: count() }).from(matching);
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
		.offset((filter.page - 1) * AUDIT_PAGE_SIZE);
	const people = await personOfUsers(ctx.db, rows);
	return {
		rows: rows.map((r) => ({ ...r, href: auditRecordHref(ctx.user, r, people) })),
		names: await namesOf(ctx.db, rows),
		total: Math.min(total?.n ?? 0, AUDIT_COUNT_CAP),
		/** More entries than the cap: the total reads "10000+". */
		more: (total?.n ?? 0) > AUDIT_COUNT_CAP,
		page: filter.page,
		pageSize: AUDIT_PAGE_SIZE
	};
}

/**
 * Every action the log holds, for the filter's choices: one index seek per distinct action (a
 * skip scan of `audit_action_idx`), so it costs the same however long the log grows.
 */
export async function auditActions(ctx: Ctx): Promise<string[]> {
	authorizeAnywhere(ctx, 'audit.read');
	const actions: string[] = [];
	for (;;) {
		const last = actions.at(-1);
		const [next] = await ctx.db
			.select({ action: min(auditEntry.action) })
			.from(auditEntry)
			.where(last === undefined ? undefined : gt(auditEntry.action, last));
		if (!next?.action) return actions;
		actions.push(next.action);
	}
}
