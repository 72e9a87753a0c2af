import { type Placeholder, type SQL, and, eq, inArray, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { SittingInput } from '$lib/schemas/exams.ts';
import { authorize, inScope } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import type { ReadDb, Tx } from '../../db/index.ts';
import {
	exam,
	person,
	sitting,
	sittingPerson,
	sittingProctor,
	sittingRank,
	sittingUnit,
	unit,
	user
} from '../../db/schema/index.ts';
import { ConflictError, InvalidInputError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { loadExam } from './access.ts';
import { requirementOf, sittingYear } from './credit-requirement.ts';

/**
 * Creates a sitting of a published exam with its roster: whole units (with the units below them),
 * ranks (within the exam's unit) and people named by employee number, each within the organiser's
 * scope; and its proctors, named by login.
 */
export async function createSitting(ctx: Ctx, input: SittingInput): Promise<number> {
	const e = await loadExam(ctx, input.examId);
	if (e.status !== 'published') throw new ConflictError('err_sitting_exam_draft');
	for (const unitId of input.unitIds) await authorize(ctx, 'exam.manage', unitId);
	const people = input.employeeNos.length
		? await ctx.db
				.select({ id: person.id, employeeNo: person.employeeNo })
				.from(person)
				.innerJoin(unit, eq(unit.id, person.unitId))
				.where(
					and(
						inArray(person.employeeNo, input.employeeNos),
						inScope(ctx.user, 'exam.manage', unit.path)
					)
				)
		: [];
	const found = new Set(people.map((p) => p.employeeNo));
	const unknown = input.employeeNos.filter((n) => !found.has(n));
	if (unknown.length)
		throw new InvalidInputError({ employeeNos: ['err_invalid'] }, 'err_sitting_unknown_people', {
			list: unknown.slice(0, 10)
		});
	const proctors = await proctorsNamed(ctx, input.proctors);
	const credits = await requirementOf(ctx.db, input, sittingYear(input.opensAt));
	return transact(ctx, async (tx) => {
		const [row] = await tx.db
			.insert(sitting)
			.values({
				examId: e.id,
				name: input.name,
				opensAt: input.opensAt,
				closesAt: input.closesAt,
				oneDevice: input.oneDevice,
				...credits,
				createdAt: ctx.now,
				createdBy: ctx.user.id
			})
			.returning({ id: sitting.id });
		const sittingId = row!.id;
		if (input.unitIds.length)
			await tx.db
				.insert(sittingUnit)
				.values(input.unitIds.map((unitId) => ({ sittingId, unitId })));
		await nameOnRoster(
			tx.db,
			sittingId,
			people.map((p) => p.id)
		);
		if (input.ranks.length)
			await tx.db.insert(sittingRank).values(input.ranks.map((rank) => ({ sittingId, rank })));
		if (proctors.length)
			await tx.db.insert(sittingProctor).values(proctors.map((userId) => ({ sittingId, userId })));
		await appendAudit(tx, {
			action: 'sitting.created',
			entityType: 'sitting',
			entityId: sittingId,
			unitId: e.unitId,
			after: {
				examId: e.id,
				name: input.name,
				opensAt: input.opensAt,
				closesAt: input.closesAt,
				unitIds: input.unitIds,
				ranks: input.ranks,
				personIds: people.map((p) => p.id),
				proctorIds: proctors,
				...credits
			}
		});
		return sittingId;
	});
}

/**
 * Puts people on a sitting's roster by name (the sitting form's employee numbers, HR's candidate
 * from a promotion case); someone already named stays as they are.
 */
export async function nameOnRoster(db: Tx, sittingId: number, personIds: readonly number[]) {
	if (personIds.length === 0) return;
	await db
		.insert(sittingPerson)
		.values(personIds.map((personId) => ({ sittingId, personId })))
		.onConflictDoNothing();
}

/** The active accounts named as proctors (by login); unknown names are a field error. */
export async function proctorsNamed(ctx: Ctx, usernames: readonly string[]): Promise<number[]> {
	if (usernames.length === 0) return [];
	const lower = usernames.map((u) => u.toLowerCase());
	const rows = await ctx.db
		.select({ id: user.id, username: user.username })
		.from(user)
		.where(and(inArray(sql`lower(${user.username})`, lower), eq(user.disabled, false)));
	const found = new Set(rows.map((r) => r.username.toLowerCase()));
	const unknown = usernames.filter((u) => !found.has(u.toLowerCase()));
	if (unknown.length)
		throw new InvalidInputError({ proctors: ['err_invalid'] }, 'err_sitting_unknown_proctors', {
			list: unknown.slice(0, 10)
		});
	return rows.map((r) => r.id);
}

/**
 * A SQL condition: the person `personId` (or a prepared query's placeholder) is on the roster of the sitting in `sittingIdColumn` (or
 * the sitting id given as SQL) —
 * named, or active and in one of its units (or below), or active, of one of its ranks and in the
 * exam's unit (or below).
 */
export function onRoster(
	personId: number | SQLiteColumn | Placeholder,
	sittingIdColumn: SQLiteColumn | SQL
) {
	return sql`(
		EXISTS (SELECT 1 FROM ${sittingPerson} WHERE ${sittingPerson.sittingId} = ${sittingIdColumn} AND ${sittingPerson.personId} = ${personId})
		OR EXISTS (
			SELECT 1 FROM ${sittingRank}
			JOIN ${sitting} AS rank_sitting ON rank_sitting.id = ${sittingRank.sittingId}
			JOIN ${exam} AS rank_exam ON rank_exam.id = rank_sitting.exam_id
			JOIN ${unit} AS rank_unit ON rank_unit.id = rank_exam.unit_id
			JOIN ${person} AS rank_person ON rank_person.id = ${personId}
			JOIN ${unit} AS rank_person_unit ON rank_person_unit.id = rank_person.unit_id
			WHERE ${sittingRank.sittingId} = ${sittingIdColumn}
				AND ${sittingRank.rank} = rank_person.rank
				AND rank_person.status = 'active'
				AND substr(rank_person_unit.path, 1, length(rank_unit.path)) = rank_unit.path
		)
		OR EXISTS (
			SELECT 1 FROM ${sittingUnit}
			JOIN ${unit} AS roster_unit ON roster_unit.id = ${sittingUnit.unitId}
			JOIN ${person} AS roster_person ON roster_person.id = ${personId}
			JOIN ${unit} AS person_unit ON person_unit.id = roster_person.unit_id
			WHERE ${sittingUnit.sittingId} = ${sittingIdColumn}
				AND roster_person.status = 'active'
				AND substr(person_unit.path, 1, length(roster_unit.path)) = roster_unit.path
		)
	)`;
}

/** Whether the person is on the sitting's roster. */
export async function isOnRoster(db: ReadDb, sittingId: number, personId: number) {
	const [row] = await db
		.select({ id: sitting.id })
		.from(sitting)
		.where(and(eq(sitting.id, sittingId), onRoster(personId, sitting.id)));
	return row !== undefined;
}

/** The roster of a sitting: how many people, with the named and the unit parts. */
export async function rosterPeople(db: ReadDb, sittingId: number) {
	return db
		.select({
			id: person.id,
			name: person.name,
			employeeNo: person.employeeNo,
			unitName: unit.name
		})
		.from(person)
		.innerJoin(unit, eq(unit.id, person.unitId))
		.innerJoin(sitting, eq(sitting.id, sittingId))
		.where(onRoster(person.id, sitting.id))
		.orderBy(unit.path, person.name);
}
