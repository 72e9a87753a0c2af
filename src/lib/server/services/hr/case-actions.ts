/**
 * What HR does on a case: put the candidate on a pre-appointment sitting, record the appointment
 * (refused while the gate says no), or close the case as withdrawn or postponed (exemption claims:
 * case-exemptions.ts). Each checks access first, writes in one transaction and is audited.
 */
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { shanghaiDate, validateAppointmentDate } from '@xuefa/core';
import type { AppointInput, AssignSittingInput, CloseCaseInput } from '$lib/schemas/hr.ts';
import { t } from '$lib/i18n.ts';
import { type Ctx, transact } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import {
	appointment,
	exam,
	person,
	promotionCase,
	promotionCaseSitting,
	sitting,
	unit
} from '../../db/schema/index.ts';
import { coreMessage, issueFields } from '../../core-messages.ts';
import { ConflictError, InvalidInputError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { offeredSittingColumns } from '../exams/eligibility.ts';
import { nameOnRoster } from '../exams/sittings.ts';
import { loadCase } from './cases.ts';
import { checkGates, coreCaseOf } from './gate.ts';

/**
 * The pre-appointment sittings a candidate of the unit at `unitPath` can still be put on: of
 * published exams of that unit or a unit above it, not yet closed. One that requires study credits
 * the candidate lacks is offered too: its organiser may exempt them (the case page warns).
 */
export async function assignableSittings(db: ReadDb, unitPath: string, now: Date) {
	// with the study credits each requires (资格), for the candidate's standing beside it
	return db
		.select(offeredSittingColumns)
		.from(sitting)
		.innerJoin(exam, eq(exam.id, sitting.examId))
		.innerJoin(unit, eq(unit.id, exam.unitId))
		.where(
			and(
				eq(exam.kind, 'pre_appointment'),
				eq(exam.status, 'published'),
				gt(sitting.closesAt, now),
				sql`${unitPath} LIKE ${unit.path} || '%'`
			)
		)
		.orderBy(sitting.opensAt);
}

/** The case, for a user who manages its unit, while it is open or postponed. */
export async function openCaseFor(ctx: Ctx, caseId: number) {
	const row = await loadCase(ctx, caseId, 'promotion.manage');
	if (row.c.state !== 'open' && row.c.state !== 'postponed')
		throw new ConflictError('err_hr_case_closed');
	return row;
}

/**
 * Names the candidate on a pre-appointment sitting; attempts there count for this case. Putting them
 * on a sitting they are already on (a second tap, a page opened before) changes nothing and is not
 * audited again.
 */
export async function assignSitting(ctx: Ctx, input: AssignSittingInput) {
	const row = await openCaseFor(ctx, input.caseId);
	const offered = await assignableSittings(ctx.db, row.path, ctx.now);
	const chosen = offered.find((s) => s.id === input.sittingId);
	if (!chosen) throw new InvalidInputError({ sittingId: ['err_hr_sitting_unavailable'] });
	await transact(ctx, async (tx) => {
		const added = await tx.db
			.insert(promotionCaseSitting)
			.values({
				caseId: row.c.id,
				sittingId: chosen.id,
				assignedBy: ctx.user.id,
				assignedAt: ctx.now
			})
			.onConflictDoNothing()
			.returning({ sittingId: promotionCaseSitting.sittingId });
		if (added.length === 0) return;
		await nameOnRoster(tx.db, chosen.id, [row.c.personId]);
		await appendAudit(tx, {
			action: 'promotion_case.sitting_assigned',
			entityType: 'promotion_case',
			entityId: row.c.id,
			unitId: row.unitId,
			after: { personId: row.c.personId, sitting: `${chosen.title} · ${chosen.name}` }
		});
	});
}

/**
 * Records the appointment of a case. The gate runs (and is logged) in the same transaction; while
 * it says no, nothing but the log is written and the refusal carries every reason. A date before
 * the case's public notice, or before the pass (or exemption) that opened the gate, is refused too.
 * Once the gate and the date allow it, it is written only when confirmed (`confirmed: 'yes'`).
 */
export async function recordAppointment(ctx: Ctx, input: AppointInput): Promise<number> {
	const row = await openCaseFor(ctx, input.caseId);
	if (input.appointedOn > shanghaiDate(ctx.now))
		throw new InvalidInputError({ appointedOn: ['err_hr_appointed_future'] });
	const outcome = await transact(ctx, async (tx) => {
		const [fresh] = await tx.db.select().from(promotionCase).where(eq(promotionCase.id, row.c.id));
		if (!fresh || (fresh.state !== 'open' && fresh.state !== 'postponed'))
			return { kind: 'closed' as const };
		const gate = (await checkGates({ ...tx, user: ctx.user }, [fresh], 'appointment')).get(
			fresh.id
		)!;
		if (!gate.decision.allowed) return { kind: 'blocked' as const, gate };
		// 先考后提: the appointment comes after the case's public notice and the pass (or exemption)
		const dates = validateAppointmentDate(coreCaseOf(fresh), gate.decision, input.appointedOn);
		if (dates.length > 0) return { kind: 'misdated' as const, issues: dates };
		// a slip cannot be undone: the person's post changes and the oath falls due
		if (input.confirmed !== 'yes') return { kind: 'unconfirmed' as const };
		const [made] = await tx.db
			.insert(appointment)
			.values({
				personId: fresh.personId,
				caseId: fresh.id,
				post: fresh.proposedPost,
				appointingBody: fresh.appointingBody,
				appointedOn: input.appointedOn,
				gateCheckId: gate.checkId,
				recordedBy: ctx.user.id,
				createdAt: ctx.now
			})
			.returning({ id: appointment.id });
		await tx.db
			.update(promotionCase)
			.set({ state: 'appointed', stateReason: null, stateChangedAt: ctx.now, updatedAt: ctx.now })
			.where(eq(promotionCase.id, fresh.id));
		// the person holds the post from now on: the people list, the roster export and the personal
		// record show it (a roster import planned before this sees the person changed and refuses)
		const [held] = await tx.db
			.select({ position: person.position, appointmentRoute: person.appointmentRoute })
			.from(person)
			.where(eq(person.id, fresh.personId));
		await tx.db
			.update(person)
			.set({
				position: fresh.proposedPost,
				appointmentRoute: fresh.appointmentRoute,
				updatedAt: ctx.now
			})
			.where(eq(person.id, fresh.personId));
		await appendAudit(tx, {
			action: 'promotion_case.appointed',
			entityType: 'promotion_case',
			entityId: fresh.id,
			unitId: row.unitId,
			before: {
				state: fresh.state,
				position: held!.position,
				appointmentRoute: held!.appointmentRoute
			},
			after: {
				state: 'appointed',
				personId: fresh.personId,
				post: fresh.proposedPost,
				position: fresh.proposedPost,
				appointmentRoute: fresh.appointmentRoute,
				appointingBody: fresh.appointingBody,
				appointedOn: input.appointedOn,
				gateReasons: gate.decision.reasons.map((r) => ({ code: r.code, data: r.data }))
			}
		});
		return { kind: 'appointed' as const, id: made!.id };
	});
	if (outcome.kind === 'closed') throw new ConflictError('err_hr_case_closed');
	if (outcome.kind === 'unconfirmed')
		throw new InvalidInputError({ confirmed: ['err_confirm_first'] });
	if (outcome.kind === 'misdated')
		throw new InvalidInputError(issueFields(outcome.issues, () => 'appointedOn'));
	if (outcome.kind === 'blocked')
		throw new ConflictError('err_hr_gate_blocked', {
			reasons: outcome.gate.decision.reasons
				.map((r) => coreMessage(r.code, r.data))
				.join(t('audit_list_separator'))
		});
	return outcome.id;
}

/**
 * Closes a case as withdrawn or postponed, with the reason (a postponed case may be taken up again;
 * a withdrawn one, confirmed first, may not). A case appointed or withdrawn meanwhile is left as it
 * is.
 */
export async function closeCase(ctx: Ctx, input: CloseCaseInput) {
	const row = await openCaseFor(ctx, input.caseId);
	await transact(ctx, async (tx) => {
		const changed = await tx.db
			.update(promotionCase)
			.set({
				state: input.state,
				stateReason: input.reason,
				stateChangedAt: ctx.now,
				updatedAt: ctx.now
			})
			.where(
				and(eq(promotionCase.id, row.c.id), inArray(promotionCase.state, ['open', 'postponed']))
			)
			.returning({ id: promotionCase.id });
		if (changed.length === 0) throw new ConflictError('err_hr_case_closed');
		await appendAudit(tx, {
			action: input.state === 'withdrawn' ? 'promotion_case.withdrawn' : 'promotion_case.postponed',
			entityType: 'promotion_case',
			entityId: row.c.id,
			unitId: row.unitId,
			before: { state: row.c.state },
			after: { state: input.state, personId: row.c.personId, reason: input.reason }
		});
	});
}
