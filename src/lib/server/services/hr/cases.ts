/** Promotion cases: opening one, reading one within the user's units, and the list of them. */
import { and, count, desc, eq, inArray, like, lt, or, type SQL } from 'drizzle-orm';
import { type Issue, appointmentRouteOf, validatePromotionCase } from '@xuefa/core';
import type { CaseInput } from '$lib/schemas/hr.ts';
import type { CaseState } from '$lib/schemas/hr-enums.ts';
import {
	authorizeAnywhere,
	can,
	canAnywhere,
	inScope,
	type Permission
} from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import { person, promotionCase, unit } from '../../db/schema/index.ts';
import { coreMessage, issueFields } from '../../core-messages.ts';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../errors.ts';
import { keysetPages } from '../../spreadsheet/index.ts';
import { appendAudit } from '../audit/append.ts';
import { evidenceLapses, lapseOpen } from './evidence-lapse.ts';
import { type CaseRow, gatesForList } from './gate.ts';

/** The core's case issues as form field errors (each on the field it names). */
export const caseFieldErrors = (issues: readonly Issue[]) =>
	issueFields(issues, (path) => (path || '_').split('.').at(-1)!);

/**
 * The case with its candidate, if the user holds `permission` on the candidate's unit. HR who
 * cannot see the case is answered as for an id that does not exist (not found, never forbidden, so
 * that a guessed id tells nothing of another unit's cases); one who sees it but may not act on it
 * is refused. Anyone without HR's reading right anywhere is refused alike for both.
 */
export async function loadCase(
	ctx: Ctx,
	caseId: number,
	permission: Permission = 'promotion.read'
) {
	const [row] = await ctx.db
		.select({
			c: promotionCase,
			name: person.name,
			employeeNo: person.employeeNo,
			unitId: unit.id,
			unitName: unit.name,
			path: unit.path
		})
		.from(promotionCase)
		.innerJoin(person, eq(person.id, promotionCase.personId))
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(eq(promotionCase.id, caseId));
	if (!row || !can(ctx.user, 'promotion.read', row.path))
		throw canAnywhere(ctx.user, 'promotion.read') ? new NotFoundError() : new ForbiddenError();
	if (!can(ctx.user, permission, row.path)) throw new ForbiddenError();
	return row;
}

/**
 * Opens a case for a candidate of the user's units (for HR only: anyone else is refused before the
 * candidate is looked up), after the core found its dates in order. Its
 * route follows from its appointing body (the congress route, with no exam, only for the congress
 * and its standing committee), so that no case can name the one without the other.
 */
export async function openCase(ctx: Ctx, input: CaseInput): Promise<number> {
	authorizeAnywhere(ctx, 'promotion.manage');
	const [candidate] = await ctx.db
		.select({ id: person.id, unitId: person.unitId })
		.from(person)
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(
			and(eq(person.employeeNo, input.employeeNo), inScope(ctx.user, 'promotion.manage', unit.path))
		);
	if (!candidate) throw new InvalidInputError({ employeeNo: ['err_hr_unknown_person'] });
	const { employeeNo: _no, ...asked } = input;
	const fields = { ...asked, appointmentRoute: appointmentRouteOf(input.appointingBody) };
	const issues = validatePromotionCase({
		id: 'new',
		personId: String(candidate.id),
		proposedPost: fields.proposedPost,
		leadingPost: fields.leadingPost,
		appointmentRoute: fields.appointmentRoute,
		nominatedOn: fields.nominatedOn,
		publicNoticeOn: fields.publicNoticeOn,
		publicNoticeEndsOn: fields.publicNoticeEndsOn
	});
	if (issues.length > 0) throw new InvalidInputError(caseFieldErrors(issues));
	return transact(ctx, async (tx) => {
		const [row] = await tx.db
			.insert(promotionCase)
			.values({
				...fields,
				personId: candidate.id,
				openedBy: ctx.user.id,
				createdAt: ctx.now,
				updatedAt: ctx.now
			})
			.returning({ id: promotionCase.id });
		await appendAudit(tx, {
			action: 'promotion_case.opened',
			entityType: 'promotion_case',
			entityId: row!.id,
			unitId: candidate.unitId,
			after: { personId: candidate.id, ...fields }
		});
		return row!.id;
	});
}

/** Which cases the list shows: a unit (and below) and a state; open ones by default. */
export interface CaseFilter {
	unitId?: number;
	state?: CaseState | 'all';
}

/** Cases a page of the list shows (a district's cases run to thousands over the years). */
export const CASES_PAGE_SIZE = 50;

/** The filter as conditions, within the user's units. */
async function caseWhere(ctx: Ctx, filter: CaseFilter): Promise<SQL | undefined> {
	const where: SQL[] = [inScope(ctx.user, 'promotion.read', unit.path)];
	if (filter.unitId) {
		const [u] = await ctx.db
			.select({ path: unit.path })
			.from(unit)
			.where(eq(unit.id, filter.unitId));
		// a unit and the units below it, still within the user's scope
		if (u) where.push(like(unit.path, `${u.path}%`));
	}
	if (filter.state !== 'all') where.push(eq(promotionCase.state, filter.state ?? 'open'));
	return and(...where);
}

/** The cases `where` selects, newest first, with their candidates. */
function selectCases(ctx: Ctx, where: SQL | undefined) {
	return ctx.db
		.select({
			c: promotionCase,
			name: person.name,
			employeeNo: person.employeeNo,
			unitName: unit.name
		})
		.from(promotionCase)
		.innerJoin(person, eq(person.id, promotionCase.personId))
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(where)
		.orderBy(desc(promotionCase.createdAt), desc(promotionCase.id));
}

type SelectedCase = Awaited<ReturnType<typeof selectCases>>[number];

/** Each case with the gate as it stands now for an open one, and a lapse of its evidence. */
async function withGates(ctx: Ctx, rows: readonly SelectedCase[]) {
	const open = rows.filter((r) => r.c.state === 'open').map((r) => r.c);
	const gates = await gatesForList(ctx, open);
	const allowed = (c: CaseRow) => {
		const gate = gates.get(c.id);
		return gate ? gate.allowed : c.gateAllowed;
	};
	const lapses = await evidenceLapses(
		ctx.db,
		rows.map((r) => ({ id: r.c.id, state: r.c.state, allowedNow: allowed(r.c) }))
	);
	return rows.map((r) => {
		const gate = gates.get(r.c.id);
		// an appointment HR has reviewed is no longer flagged (its page keeps the history)
		const lapse = lapses.get(r.c.id);
		const first = gate?.reasons[0];
		return {
			...r.c,
			name: r.name,
			employeeNo: r.employeeNo,
			unitName: r.unitName,
			allowed: allowed(r.c),
			reason: first ? coreMessage(first.code, first.data) : null,
			firstReason: first ?? null,
			lapse: lapse && lapseOpen(lapse) ? lapse : null
		};
	});
}

/** A case as the list shows it. */
export type ListedCase = Awaited<ReturnType<typeof withGates>>[number];

/**
 * A page of the cases of the user's units (page 1 unless given), newest first, each open one with
 * the gate as it stands now (checked, and logged, on the spot: a pass since the last look opens it).
 */
export async function listCases(
	ctx: Ctx,
	filter: CaseFilter = {},
	page = 1
): Promise<ListedCase[]> {
	const rows = await selectCases(ctx, await caseWhere(ctx, filter))
		.limit(CASES_PAGE_SIZE)
		.offset((Math.max(1, page) - 1) * CASES_PAGE_SIZE);
	return withGates(ctx, rows);
}

/** How many cases the filter selects in the user's units. */
export async function countCases(ctx: Ctx, filter: CaseFilter = {}): Promise<number> {
	const [row] = await ctx.db
		.select({ n: count() })
		.from(promotionCase)
		.innerJoin(person, eq(person.id, promotionCase.personId))
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(await caseWhere(ctx, filter));
	return row?.n ?? 0;
}

/** Every case the filter selects, as the list shows them, in pages (for the export). */
export async function* allCases(ctx: Ctx, filter: CaseFilter = {}): AsyncGenerator<ListedCase[]> {
	const where = await caseWhere(ctx, filter);
	const fetch = (after: SelectedCase | undefined, limit: number) =>
		selectCases(
			ctx,
			and(
				where,
				after &&
					or(
						lt(promotionCase.createdAt, after.c.createdAt),
						and(eq(promotionCase.createdAt, after.c.createdAt), lt(promotionCase.id, after.c.id))
					)
			)
		).limit(limit);
	for await (const page of keysetPages<SelectedCase>(fetch, 500)) yield withGates(ctx, page);
}

/**
 * HR's reminder on the home page (the app has no inbox): the cases of the user's units whose exam
 * evidence no longer holds — a pass voided or regraded after the gate opened on it, or after the
 * appointment (until HR records its review). Every HR officer whose units cover the candidate sees
 * it; null for anyone else. Every case counts, not only the list's newest 500: an appointment made
 * years ago is flagged when its pass is voided now. Only the open cases whose relied-on pass lapsed
 * are judged by the gate (the list judges every open case), so the home page stays quick.
 */
export async function casesWithLapsedEvidence(ctx: Ctx) {
	if (!canAnywhere(ctx.user, 'promotion.read')) return null;
	const rows = await ctx.db
		.select({ c: promotionCase, name: person.name })
		.from(promotionCase)
		.innerJoin(person, eq(person.id, promotionCase.personId))
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(
			and(
				inScope(ctx.user, 'promotion.read', unit.path),
				inArray(promotionCase.state, ['open', 'postponed', 'appointed'])
			)
		)
		.orderBy(desc(promotionCase.createdAt), desc(promotionCase.id));
	// an open case is first taken as blocked: only one whose relied-on pass lapsed is judged
	// (a later pass or an exemption may let it through, and then nothing lapsed); a postponed one
	// reads as in the list, by its last check
	const allowedBefore = (c: CaseRow) => (c.state === 'open' ? false : c.gateAllowed);
	const rowsOf: CaseRow[] = rows.map((r) => r.c);
	const lapses = await evidenceLapses(
		ctx.db,
		rowsOf.map((c) => ({ id: c.id, state: c.state, allowedNow: allowedBefore(c) }))
	);
	const gates = await gatesForList(
		ctx,
		rowsOf.filter((c) => c.state === 'open' && lapses.has(c.id))
	);
	return rows.flatMap(({ c, name }) => {
		const lapse = lapses.get(c.id);
		if (!lapse || !lapseOpen(lapse) || gates.get(c.id)?.allowed) return [];
		return [{ id: c.id, name, post: c.proposedPost, appointed: lapse.appointed }];
	});
}
