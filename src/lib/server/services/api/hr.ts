/**
 * The HR endpoints of `/api/v1` beside the person: a person's oath status and a promotion case's
 * eligibility. Each reads through the function its page uses (`oathStates`, `caseGate`), so that
 * another HR system is told exactly what HR sees.
 */
import { eq } from 'drizzle-orm';
import { oathRequirement } from '@xuefa/core';
import type { ApiCase, ApiPersonOath } from '$lib/schemas/api.ts';
import { person, promotionCase, unit } from '../../db/schema/index.ts';
import { coreMessage } from '../../core-messages.ts';
import { NotFoundError } from '../../errors.ts';
import { caseGate } from '../hr/case-view.ts';
import { evidenceLapses } from '../hr/evidence-lapse.ts';
import { oathStates, personAppointments } from '../hr/oaths.ts';
import { type ApiCtx, authorizeToken } from './access.ts';
import { apiPerson } from './person.ts';

/** A core reason as the API gives it: the code, and its words. */
const reason = (r: { code: string; data?: Readonly<Record<string, unknown>> }) => ({
	code: r.code,
	text: coreMessage(r.code, r.data ?? {})
});

/** A person's appointments with their oath state: required or not and why, deadline, ceremony. */
export async function apiPersonOath(
	ctx: ApiCtx,
	input: { employeeNo: string }
): Promise<{ body: ApiPersonOath; unitId: number }> {
	const p = await apiPerson(ctx, input.employeeNo);
	const rows = await personAppointments(ctx.db, p.id);
	const states = await oathStates(ctx.db, rows, ctx.now);
	return {
		unitId: p.unitId,
		body: {
			employeeNo: p.employeeNo,
			name: p.name,
			unit: { id: p.unitId, name: p.unitName },
			appointments: rows.map((a) => {
				const status = states.of(a.id);
				const requirement = oathRequirement(a.appointingBody, states.policy);
				const sworn =
					status.state === 'done'
						? states.ceremonies.find((c) => String(c.id) === status.ceremonyId)
						: undefined;
				return {
					id: a.id,
					post: a.post,
					appointingBody: a.appointingBody,
					appointedOn: a.appointedOn,
					required: requirement.required,
					ground: reason(requirement.reason),
					state: status.state,
					deadline: 'deadline' in status ? status.deadline : null,
					daysLeft: 'daysLeft' in status ? status.daysLeft : null,
					overdue: status.state === 'overdue',
					caseId: a.caseId,
					ceremony:
						sworn && status.state === 'done'
							? {
									id: sworn.id,
									form: sworn.form,
									date: sworn.date,
									place: sworn.place,
									late: status.late
								}
							: null
				};
			})
		}
	};
}

/**
 * A promotion case with its eligibility exactly as the case page computes it (`caseGate`: an open
 * case is checked now and the check logged, a closed one shows the check that decided it).
 */
export async function apiCaseEligibility(
	ctx: ApiCtx,
	input: { id: number }
): Promise<{ body: ApiCase; unitId: number }> {
	const [row] = await ctx.db
		.select({
			c: promotionCase,
			employeeNo: person.employeeNo,
			name: person.name,
			unitId: unit.id,
			unitName: unit.name,
			unitPath: unit.path
		})
		.from(promotionCase)
		.innerJoin(person, eq(person.id, promotionCase.personId))
		.innerJoin(unit, eq(unit.id, person.unitId))
		.where(eq(promotionCase.id, input.id));
	if (!row) throw new NotFoundError();
	authorizeToken(ctx, row.unitPath);
	const c = row.c;
	const gate = await caseGate({ db: ctx.db, now: ctx.now, user: null }, c);
	const lapse = (
		await evidenceLapses(ctx.db, [{ id: c.id, state: c.state, allowedNow: gate?.allowed ?? null }])
	).get(c.id);
	return {
		unitId: row.unitId,
		body: {
			id: c.id,
			employeeNo: row.employeeNo,
			name: row.name,
			unit: { id: row.unitId, name: row.unitName },
			proposedPost: c.proposedPost,
			leadingPost: c.leadingPost,
			appointmentRoute: c.appointmentRoute,
			appointingBody: c.appointingBody,
			nominatedOn: c.nominatedOn,
			publicNoticeOn: c.publicNoticeOn,
			publicNoticeEndsOn: c.publicNoticeEndsOn,
			plannedOn: c.plannedOn,
			state: c.state,
			eligibility: gate && {
				checkId: gate.checkId,
				checkedAt: new Date(gate.checkedAt).toISOString(),
				allowed: gate.allowed,
				reasons: gate.reasons,
				evidence: gate.evidence,
				exemptions: gate.exemptions.map(({ key: _, ...x }) => x)
			},
			evidenceLapse: lapse
				? {
						attemptId: lapse.attemptId,
						takenOn: lapse.takenOn,
						change: lapse.change,
						scoreBefore: lapse.scoreBefore,
						scoreNow: lapse.scoreNow,
						supersededBy: lapse.supersededBy,
						changedAt: new Date(lapse.at).toISOString(),
						changedBy: lapse.by,
						reason: lapse.reason,
						appointed: lapse.appointed,
						review: lapse.review && {
							reviewedAt: new Date(lapse.review.at).toISOString(),
							reviewedBy: lapse.review.by,
							note: lapse.review.note
						}
					}
				: null
		}
	};
}
