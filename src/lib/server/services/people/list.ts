import { type SQL, and, asc, count, eq, like, sql } from 'drizzle-orm';
import type { ListPeopleInput } from '$lib/schemas/org.ts';
import { authorize, inScope } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { person, unit, user } from '../../db/schema/index.ts';
import { textSearch } from '../../search/text.ts';

export const PAGE_SIZE = 50;

type PeopleFilter = Pick<ListPeopleInput, 'q' | 'unitId'>;

/**
 * People in the user's scope, filtered by a name / employee-number search (every word must match
 * one of them) and a unit subtree. Checks that the user may read the chosen unit.
 */
async function peopleWhere(ctx: Ctx, input: PeopleFilter) {
	const unitPath =
		input.unitId === undefined ? undefined : await authorize(ctx, 'person.read', input.unitId);
	return and(
		inScope(ctx.user, 'person.read', unit.path),
		unitPath === undefined ? undefined : like(unit.path, `${unitPath}%`),
		textSearch(input.q, { columns: [person.name, person.employeeNo] })
	);
}

/** What lists and exports of people show of each (with `person ⋈ unit ⟕ user`). */
export const PERSON_FIELDS = {
	id: person.id,
	name: person.name,
	employeeNo: person.employeeNo,
	position: person.position,
	rank: person.rank,
	appointmentRoute: person.appointmentRoute,
	status: person.status,
	unitId: unit.id,
	unitPath: unit.path,
	userId: user.id
};

const COLUMNS = { ...PERSON_FIELDS, unitName: unit.name };

/** The people a filter selects, in the list's order (unit, then name), as a query to page through. */
async function peopleQuery(ctx: Ctx, input: PeopleFilter) {
	const where = await peopleWhere(ctx, input);
	const [total] = await ctx.db
		.select({ n: count() })
		.from(person)
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(where);
	const select = (after?: SQL) =>
		ctx.db
			.select(COLUMNS)
			.from(person)
			.innerJoin(unit, eq(unit.id, person.unitId))
			.leftJoin(user, eq(user.personId, person.id))
			.where(and(where, after))
			.orderBy(asc(unit.path), asc(person.name), asc(person.id));
	return { total: total?.n ?? 0, select };
}

export type PersonRow = Awaited<
	ReturnType<Awaited<ReturnType<typeof peopleQuery>>['select']>
>[number];

/** One page of the list, as the page shows it. */
export async function listPeople(ctx: Ctx, input: ListPeopleInput) {
	const { total, select } = await peopleQuery(ctx, input);
	const rows = await select()
		.limit(PAGE_SIZE)
		.offset((input.page - 1) * PAGE_SIZE);
	return { rows, total, page: input.page, pageSize: PAGE_SIZE };
}

/**
 * The whole list a filter selects, for an export: the count now (after the checks), and a reader
 * of pages that each start after the last row of the one before, in the list's order.
 */
export async function peoplePages(ctx: Ctx, input: PeopleFilter) {
	const { total, select } = await peopleQuery(ctx, input);
	const fetch = (after: PersonRow | undefined, limit: number) =>
		select(
			after &&
				sql`(${unit.path}, ${person.name}, ${person.id}) > (${after.unitPath}, ${after.name}, ${after.id})`
		).limit(limit);
	return { total, fetch };
}
