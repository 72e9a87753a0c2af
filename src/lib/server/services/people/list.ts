import { and, asc, count, eq, like } from 'drizzle-orm';
import type { ListPeopleInput } from '$lib/schemas/org.ts';
import { authorize, inScope } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { person, unit, user } from '../../db/schema/index.ts';
import { textSearch } from '../../search/text.ts';

export const PAGE_SIZE = 50;

/**
 * People in the user's scope, filtered by a name / employee-number search (every word must match
 * one of them) and a unit subtree.
 */
export async function listPeople(ctx: Ctx, input: ListPeopleInput) {
	const unitPath =
		input.unitId === undefined ? undefined : await authorize(ctx, 'person.read', input.unitId);
	const where = and(
		inScope(ctx.user, 'person.read', unit.path),
		unitPath === undefined ? undefined : like(unit.path, `${unitPath}%`),
		textSearch(input.q, { columns: [person.name, person.employeeNo] })
	);
	const [total] = await ctx.db
		.select({ n: count() })
		.from(person)
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(where);
	const rows = await ctx.db
		.select({
			id: person.id,
			name: person.name,
			employeeNo: person.employeeNo,
			position: person.position,
			rank: person.rank,
			appointmentRoute: person.appointmentRoute,
			status: person.status,
			unitId: unit.id,
			unitName: unit.name,
			userId: user.id
		})
		.from(person)
		.innerJoin(unit, eq(unit.id, person.unitId))
		.leftJoin(user, eq(user.personId, person.id))
		.where(where)
		.orderBy(asc(unit.path), asc(person.name))
		.limit(PAGE_SIZE)
		.offset((input.page - 1) * PAGE_SIZE);
	return { rows, total: total?.n ?? 0, page: input.page, pageSize: PAGE_SIZE };
}
