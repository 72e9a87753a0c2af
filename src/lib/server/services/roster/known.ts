import { inArray, sql } from 'drizzle-orm';
import type { Role } from '$lib/schemas/enums.ts';
import type { Ctx } from '../../context.ts';
import { person, roleGrant, user } from '../../db/schema/index.ts';

/** The people, accounts and grants that the rows' employee numbers refer to. */
export async function loadKnown(ctx: Ctx, employeeNos: string[]) {
	const people = new Map<string, typeof person.$inferSelect>();
	const usernames = new Set<string>();
	const accountOf = new Map<number, number>();
	// userId → unitId → roles held there
	const grants = new Map<number, Map<number, Set<Role>>>();
	const lower = employeeNos.map((e) => e.toLowerCase());
	// SQLite limits bound parameters per statement; 500 at a time stays far below it
	for (let i = 0; i < lower.length; i += 500) {
		const chunk = lower.slice(i, i + 500);
		const found = await ctx.db
			.select()
			.from(person)
			.where(inArray(sql`lower(${person.employeeNo})`, chunk));
		for (const p of found) people.set(p.employeeNo.toLowerCase(), p);
		const logins = await ctx.db
			.select({ username: user.username })
			.from(user)
			.where(inArray(sql`lower(${user.username})`, chunk));
		for (const u of logins) usernames.add(u.username.toLowerCase());
	}
	const personIds = [...people.values()].map((p) => p.id);
	for (let i = 0; i < personIds.length; i += 500) {
		const accounts = await ctx.db
			.select({ id: user.id, personId: user.personId })
			.from(user)
			.where(inArray(user.personId, personIds.slice(i, i + 500)));
		for (const a of accounts) accountOf.set(a.personId!, a.id);
	}
	const userIds = [...accountOf.values()];
	for (let i = 0; i < userIds.length; i += 500) {
		const held = await ctx.db
			.select()
			.from(roleGrant)
			.where(inArray(roleGrant.userId, userIds.slice(i, i + 500)));
		for (const g of held) {
			const byUnit = grants.get(g.userId) ?? new Map<number, Set<Role>>();
			grants.set(g.userId, byUnit);
			byUnit.set(g.unitId, (byUnit.get(g.unitId) ?? new Set()).add(g.role));
		}
	}
	return { people, usernames, accountOf, grants };
}
