import { count, desc, eq, inArray, and } from 'drizzle-orm';
import { auditActionLabel } from '$lib/audit.ts';
import { canAnywhere, hasRole, inScope } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { RANKS, auditEntry, person, unit, user } from '../../db/schema/index.ts';

/** Real figures for the signed-in user's home page, limited to what their roles may see. */
export async function homeSummary(ctx: Ctx) {
	const { db } = ctx;
	const me = ctx.user.personId
		? ((
				await db
					.select({
						name: person.name,
						position: person.position,
						rank: person.rank,
						appointmentRoute: person.appointmentRoute,
						unitName: unit.name
					})
					.from(person)
					.innerJoin(unit, eq(unit.id, person.unitId))
					.where(eq(person.id, ctx.user.personId))
			)[0] ?? null)
		: null;

	let scope = null;
	if (canAnywhere(ctx.user, 'person.read')) {
		const peopleWhere = and(
			inScope(ctx.user, 'person.read', unit.path),
			eq(person.status, 'active')
		);
		const [units] = await db
			.select({ n: count() })
			.from(unit)
			.where(and(inScope(ctx.user, 'person.read', unit.path), eq(unit.active, true)));
		const [people] = await db
			.select({ n: count() })
			.from(person)
			.innerJoin(unit, eq(unit.id, person.unitId))
			.where(peopleWhere);
		const [accounts] = await db
			.select({ n: count() })
			.from(user)
			.innerJoin(person, eq(person.id, user.personId))
			.innerJoin(unit, eq(unit.id, person.unitId))
			.where(peopleWhere);
		const byRank = await db
			.select({ key: person.rank, n: count() })
			.from(person)
			.innerJoin(unit, eq(unit.id, person.unitId))
			.where(peopleWhere)
			.groupBy(person.rank);
		const byRoute = await db
			.select({ key: person.appointmentRoute, n: count() })
			.from(person)
			.innerJoin(unit, eq(unit.id, person.unitId))
			.where(peopleWhere)
			.groupBy(person.appointmentRoute);
		scope = {
			units: units?.n ?? 0,
			people: people?.n ?? 0,
			accounts: accounts?.n ?? 0,
			// senior ranks first, as in every Chinese personnel table
			byRank: byRank.sort((x, y) => RANKS.indexOf(y.key) - RANKS.indexOf(x.key)),
			byRoute
		};
	}

	let recentAudit = null;
	if (canAnywhere(ctx.user, 'audit.read')) {
		const scoped = await db
			.select({ id: unit.id })
			.from(unit)
			.where(inScope(ctx.user, 'audit.read', unit.path));
		const rows = await db
			.select({
				seq: auditEntry.seq,
				at: auditEntry.at,
				action: auditEntry.action,
				entityType: auditEntry.entityType,
				entityId: auditEntry.entityId,
				actor: user.displayName
			})
			.from(auditEntry)
			.leftJoin(user, eq(user.id, auditEntry.actorUserId))
			.where(
				inArray(
					auditEntry.unitId,
					scoped.map((u) => u.id)
				)
			)
			.orderBy(desc(auditEntry.seq))
			.limit(8);
		recentAudit = rows.map((r) => ({
			...r,
			actionLabel: auditActionLabel(r.action, r.entityType)
		}));
	}

	return {
		me,
		grants: ctx.user.grants.map((g) => ({ role: g.role, unitName: g.unitName })),
		isCadre: hasRole(ctx.user, 'cadre'),
		isGrader: hasRole(ctx.user, 'grader'),
		isOrganiser: hasRole(ctx.user, 'organiser'),
		scope,
		recentAudit
	};
}
