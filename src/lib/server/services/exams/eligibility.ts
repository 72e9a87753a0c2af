/**
 * 资格: a sitting may require study credits of a year before a candidate may start. The rule is
 * the core's `creditEligibility`; this file gathers the credits (set-based, for a whole roster at
 * once), the organisers' exemptions (免考积分要求), and the requirement the forms describe.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type CreditEligibility, type CreditRequirement, creditEligibility } from '@xuefa/core';
import type { CreditExemptionInput, RevokeCreditExemptionInput } from '$lib/schemas/exams.ts';
import { type Ctx, transact } from '../../context.ts';
import { coreMessage } from '../../core-messages.ts';
import type { ReadDb } from '../../db/index.ts';
import { creditExemption, exam, person, sitting, user } from '../../db/schema/index.ts';
import { ConflictError, InvalidInputError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { creditsOf } from '../study/credits.ts';
import { type CreditRequirementColumns, sittingYear } from './credit-requirement.ts';
import { loadSitting } from './access.ts';
import { isOnRoster, onRoster } from './sittings.ts';

/**
 * A sitting as a list of sittings offered to a person shows it (`exam` joined), with the
 * requirement their standing on it is judged by.
 */
export const offeredSittingColumns = {
	id: sitting.id,
	name: sitting.name,
	title: exam.title,
	opensAt: sitting.opensAt,
	closesAt: sitting.closesAt,
	creditsRequired: sitting.creditsRequired,
	creditsYear: sitting.creditsYear
};

/** The requirement of a stored sitting, for the core (null: none). */
function requirementOfSitting(s: CreditRequirementColumns & { opensAt: Date }) {
	return s.creditsRequired === null
		? null
		: { credits: s.creditsRequired, year: s.creditsYear ?? sittingYear(s.opensAt) };
}

/** An exemption as the roster shows it. */
export interface ExemptionView {
	reason: string;
	grantedAt: Date;
	grantedBy: string | null;
}

/** A person's standing against a sitting's requirement, with the reason in the reader's words. */
export type Standing = CreditEligibility & { text: string; exemption: ExemptionView | null };

type SittingRequirement = CreditRequirementColumns & { id: number; opensAt: Date };

/** The exemptions granted on the sittings, keyed `sittingId:personId` (of one person, when given). */
async function exemptionsOf(db: ReadDb, sittingIds: readonly number[], personId?: number) {
	const rows = sittingIds.length
		? await db
				.select({
					sittingId: creditExemption.sittingId,
					personId: creditExemption.personId,
					reason: creditExemption.reason,
					grantedAt: creditExemption.grantedAt,
					grantedBy: user.displayName
				})
				.from(creditExemption)
				.leftJoin(user, eq(user.id, creditExemption.grantedBy))
				.where(
					and(
						inArray(creditExemption.sittingId, [...sittingIds]),
						personId === undefined ? undefined : eq(creditExemption.personId, personId)
					)
				)
		: [];
	return new Map(
		rows.map(({ sittingId, personId, ...e }) => [`${sittingId}:${personId}`, e] as const)
	);
}

/** The standing of one person on one sitting, from their credits and exemptions. */
function judge(
	requirement: CreditRequirement,
	earned: number,
	exemption: ExemptionView | null
): Standing {
	const d = creditEligibility(requirement, earned, exemption);
	return { ...d, text: coreMessage(d.reason.code, d.reason.data), exemption };
}

/**
 * Everyone on a sitting's roster against its requirement, as a lookup by person id; null when the
 * sitting requires no credits. One grouped query per credit source over the whole roster, and one
 * for the exemptions, whatever its size.
 */
export async function rosterStanding(
	db: ReadDb,
	s: SittingRequirement
): Promise<((personId: number) => Standing) | null> {
	const requirement = requirementOfSitting(s);
	if (!requirement) return null;
	const credits = await creditsOf(db, onRoster(person.id, sql`${s.id}`), requirement.year);
	const exemptions = await exemptionsOf(db, [s.id]);
	return (personId) =>
		judge(requirement, credits(personId).total, exemptions.get(`${s.id}:${personId}`) ?? null);
}

/**
 * One candidate's standing on each of the sittings that require credits (by sitting id; the
 * others are absent): their credits once per year asked, their exemptions in one query.
 */
export async function candidateStanding(
	db: ReadDb,
	sittings: readonly SittingRequirement[],
	personId: number
): Promise<Map<number, Standing>> {
	const asking = sittings.flatMap((s) => {
		const requirement = requirementOfSitting(s);
		return requirement ? [{ id: s.id, requirement }] : [];
	});
	const out = new Map<number, Standing>();
	if (asking.length === 0) return out;
	const exemptions = await exemptionsOf(
		db,
		asking.map((s) => s.id),
		personId
	);
	const earned = new Map<number, number>();
	for (const year of new Set(asking.map((s) => s.requirement.year)))
		earned.set(year, (await creditsOf(db, eq(person.id, personId), year))(personId).total);
	for (const s of asking)
		out.set(
			s.id,
			judge(
				s.requirement,
				earned.get(s.requirement.year)!,
				exemptions.get(`${s.id}:${personId}`) ?? null
			)
		);
	return out;
}

/**
 * 豁免: an organiser of the sitting exempts a person on its roster from its credit requirement,
 * with the reason (audited: who, when, why).
 */
export async function grantCreditExemption(ctx: Ctx, input: CreditExemptionInput): Promise<void> {
	const { sitting: s, exam: e } = await loadSitting(ctx, input.sittingId);
	if (s.creditsRequired === null) throw new ConflictError('err_credit_exemption_not_required');
	if (!(await isOnRoster(ctx.db, s.id, input.personId)))
		throw new InvalidInputError(
			{ personId: ['err_invalid'] },
			'err_credit_exemption_not_on_roster'
		);
	await transact(ctx, async (tx) => {
		const [row] = await tx.db
			.insert(creditExemption)
			.values({
				sittingId: s.id,
				personId: input.personId,
				reason: input.reason,
				grantedAt: ctx.now,
				grantedBy: ctx.user.id
			})
			.onConflictDoNothing()
			.returning({ personId: creditExemption.personId });
		if (!row) throw new ConflictError('err_credit_exemption_exists');
		await appendAudit(tx, {
			action: 'sitting.credit_exemption.granted',
			entityType: 'sitting',
			entityId: s.id,
			unitId: e.unitId,
			after: { personId: input.personId, reason: input.reason }
		});
	});
}

/** Revokes a person's exemption from a sitting's credit requirement (audited, with the reason it had). */
export async function revokeCreditExemption(
	ctx: Ctx,
	input: RevokeCreditExemptionInput
): Promise<void> {
	const { sitting: s, exam: e } = await loadSitting(ctx, input.sittingId);
	await transact(ctx, async (tx) => {
		const [row] = await tx.db
			.delete(creditExemption)
			.where(and(eq(creditExemption.sittingId, s.id), eq(creditExemption.personId, input.personId)))
			.returning({ reason: creditExemption.reason });
		if (!row) throw new ConflictError('err_credit_exemption_missing');
		await appendAudit(tx, {
			action: 'sitting.credit_exemption.revoked',
			entityType: 'sitting',
			entityId: s.id,
			unitId: e.unitId,
			before: { personId: input.personId, reason: row.reason }
		});
	});
}
