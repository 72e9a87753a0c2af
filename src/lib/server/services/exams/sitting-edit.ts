/**
 * Changing a sitting after it was created: the date moved, a unit added, a proctor fallen ill.
 * Whatever has happened in it stays true: once someone has started, the opening no longer moves
 * and the close cannot be put in the past, and nobody who has an attempt there, or whom HR named
 * for a promotion case, can be taken off its roster.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SittingEditInput } from '$lib/schemas/exams.ts';
import { authorize, inScope } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import {
	examAttempt,
	person,
	promotionCase,
	promotionCaseSitting,
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
import { loadSitting } from './access.ts';
import { requirementOf, sittingYear } from './credit-requirement.ts';
import { nameOnRoster, onRoster, proctorsNamed } from './sittings.ts';

/** `<input type="datetime-local">`'s value for an instant, in Asia/Shanghai. */
const shanghaiLocal = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);

/** The sitting's roster as its parts: units, ranks, people named, proctors. */
async function rosterParts(ctx: Ctx, sittingId: number) {
	const [units, ranks, named, proctors] = await Promise.all([
		ctx.db
			.select({ id: sittingUnit.unitId })
			.from(sittingUnit)
			.where(eq(sittingUnit.sittingId, sittingId)),
		ctx.db
			.select({ rank: sittingRank.rank })
			.from(sittingRank)
			.where(eq(sittingRank.sittingId, sittingId)),
		ctx.db
			.select({ id: person.id, employeeNo: person.employeeNo })
			.from(sittingPerson)
			.innerJoin(person, eq(person.id, sittingPerson.personId))
			.where(eq(sittingPerson.sittingId, sittingId))
			.orderBy(person.employeeNo),
		ctx.db
			.select({ id: user.id, username: user.username })
			.from(sittingProctor)
			.innerJoin(user, eq(user.id, sittingProctor.userId))
			.where(eq(sittingProctor.sittingId, sittingId))
			.orderBy(user.username)
	]);
	return {
		unitIds: units.map((u) => u.id),
		ranks: ranks.map((r) => r.rank),
		named,
		proctors
	};
}

/** The sitting as its edit form shows it. */
export async function sittingFormValues(ctx: Ctx, sittingId: number) {
	const { sitting: s, exam: e } = await loadSitting(ctx, sittingId);
	const parts = await rosterParts(ctx, s.id);
	const values: Record<string, string> = {
		name: s.name,
		opensAt: shanghaiLocal(s.opensAt),
		closesAt: shanghaiLocal(s.closesAt),
		oneDevice: s.oneDevice ? 'on' : '',
		unitIds: parts.unitIds.join(','),
		ranks: parts.ranks.join(','),
		employeeNos: parts.named.map((p) => p.employeeNo).join('\n'),
		proctors: parts.proctors.map((p) => p.username).join('\n'),
		requireCredits: s.creditsRequired === null ? '' : 'on',
		creditsRequired: s.creditsRequired === null ? '' : String(s.creditsRequired),
		creditsYear: s.creditsYear === null ? '' : String(s.creditsYear)
	};
	const [started] = await ctx.db
		.select({ n: sql<number>`count(*)` })
		.from(examAttempt)
		.where(eq(examAttempt.sittingId, s.id));
	return {
		exam: { id: e.id, title: e.title },
		sitting: { id: s.id, name: s.name },
		values,
		started: Number(started?.n ?? 0) > 0
	};
}

/**
 * People named by employee number: those already named on this sitting stay, wherever they work
 * (HR may have named a candidate outside the organiser's units); anyone new must be within the
 * organiser's scope, as when the sitting was created.
 */
async function namedPeople(
	ctx: Ctx,
	employeeNos: readonly string[],
	already: readonly { id: number; employeeNo: string }[]
) {
	const kept = already.filter((p) => employeeNos.includes(p.employeeNo));
	const known = new Set(kept.map((p) => p.employeeNo));
	const wanted = employeeNos.filter((n) => !known.has(n));
	const added = wanted.length
		? await ctx.db
				.select({ id: person.id, employeeNo: person.employeeNo })
				.from(person)
				.innerJoin(unit, eq(unit.id, person.unitId))
				.where(and(inArray(person.employeeNo, wanted), inScope(ctx.user, 'exam.manage', unit.path)))
		: [];
	const found = new Set(added.map((p) => p.employeeNo));
	const unknown = wanted.filter((n) => !found.has(n));
	if (unknown.length)
		throw new InvalidInputError({ employeeNos: ['err_invalid'] }, 'err_sitting_unknown_people', {
			list: unknown.slice(0, 10)
		});
	return [...kept, ...added];
}

/** Changes a sitting (audited with what it was and what it is now), in one transaction. */
export async function updateSitting(ctx: Ctx, input: SittingEditInput): Promise<number> {
	const { sitting: s, exam: e } = await loadSitting(ctx, input.sittingId);
	const before = await rosterParts(ctx, s.id);
	// units newly added must be the organiser's; those already there may stay
	for (const unitId of input.unitIds)
		if (!before.unitIds.includes(unitId)) await authorize(ctx, 'exam.manage', unitId);
	const people = await namedPeople(ctx, input.employeeNos, before.named);
	const proctors = await proctorsNamed(ctx, input.proctors);
	const credits = await requirementOf(ctx.db, input, sittingYear(input.opensAt));
	return transact(ctx, async (tx) => {
		const [started] = await tx.db
			.select({ n: sql<number>`count(*)` })
			.from(examAttempt)
			.where(eq(examAttempt.sittingId, s.id));
		if (Number(started?.n ?? 0) > 0) {
			if (input.opensAt.getTime() !== s.opensAt.getTime())
				throw new InvalidInputError({ opensAt: ['err_sitting_started_opens'] });
			if (input.closesAt <= ctx.now && input.closesAt.getTime() !== s.closesAt.getTime())
				throw new InvalidInputError({ closesAt: ['err_sitting_close_past'] });
		}
		await tx.db
			.update(sitting)
			.set({
				name: input.name,
				opensAt: input.opensAt,
				closesAt: input.closesAt,
				oneDevice: input.oneDevice,
				...credits
			})
			.where(eq(sitting.id, s.id));
		await tx.db.delete(sittingUnit).where(eq(sittingUnit.sittingId, s.id));
		if (input.unitIds.length)
			await tx.db
				.insert(sittingUnit)
				.values(input.unitIds.map((unitId) => ({ sittingId: s.id, unitId })));
		await tx.db.delete(sittingRank).where(eq(sittingRank.sittingId, s.id));
		if (input.ranks.length)
			await tx.db
				.insert(sittingRank)
				.values(input.ranks.map((rank) => ({ sittingId: s.id, rank })));
		await tx.db.delete(sittingPerson).where(eq(sittingPerson.sittingId, s.id));
		await nameOnRoster(
			tx.db,
			s.id,
			people.map((p) => p.id)
		);
		await tx.db.delete(sittingProctor).where(eq(sittingProctor.sittingId, s.id));
		if (proctors.length)
			await tx.db
				.insert(sittingProctor)
				.values(proctors.map((userId) => ({ sittingId: s.id, userId })));
		// whoever has sat here, or is HR's candidate here, must still be on the roster
		const dropped = await tx.db
			.selectDistinct({ name: person.name })
			.from(person)
			.where(
				and(
					sql`${person.id} IN (
						SELECT ${examAttempt.personId} FROM ${examAttempt} WHERE ${examAttempt.sittingId} = ${s.id}
						UNION SELECT ${promotionCase.personId} FROM ${promotionCaseSitting}
							JOIN ${promotionCase} ON ${promotionCase.id} = ${promotionCaseSitting.caseId}
							WHERE ${promotionCaseSitting.sittingId} = ${s.id}
					)`,
					sql`NOT ${onRoster(person.id, sql`${s.id}`)}`
				)
			)
			.orderBy(person.name);
		if (dropped.length)
			throw new ConflictError('err_sitting_roster_drops', {
				list: dropped.slice(0, 10).map((p) => p.name)
			});
		await appendAudit(tx, {
			action: 'sitting.updated',
			entityType: 'sitting',
			entityId: s.id,
			unitId: e.unitId,
			before: {
				name: s.name,
				opensAt: s.opensAt,
				closesAt: s.closesAt,
				oneDevice: s.oneDevice,
				unitIds: before.unitIds,
				ranks: before.ranks,
				personIds: before.named.map((p) => p.id),
				proctorIds: before.proctors.map((p) => p.id),
				creditsRequired: s.creditsRequired,
				creditsYear: s.creditsYear
			},
			after: {
				name: input.name,
				opensAt: input.opensAt,
				closesAt: input.closesAt,
				oneDevice: input.oneDevice,
				unitIds: input.unitIds,
				ranks: input.ranks,
				personIds: people.map((p) => p.id),
				proctorIds: proctors,
				...credits
			}
		});
		return s.id;
	});
}
