import { and, eq } from 'drizzle-orm';
import { assertSessionTookPlace, shanghaiInstant } from '@xuefa/core';
import type {
	SessionDetailsInput,
	SessionMinutesInput,
	SessionTimesInput
} from '$lib/schemas/study.ts';
import { type Ctx, transact } from '../../context.ts';
import { studyPlan, studyPlanItem, studySession } from '../../db/schema/index.ts';
import { InvalidInputError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { type SessionRow, loadSession } from './access.ts';
import { isSpeakerChoice } from './sessions.ts';

/** A session that is not cancelled (nothing is recorded for a session that did not take place). */
async function loadOpenSession(ctx: Ctx, sessionId: number): Promise<SessionRow> {
	const s = await loadSession(ctx, sessionId, 'study.manage');
	if (s.status === 'cancelled') throw new InvalidInputError({}, 'study_session_cancelled');
	return s;
}

/** Topic, form, the plan item it delivers, the speaker, laws and place. */
export async function updateSessionDetails(ctx: Ctx, input: SessionDetailsInput): Promise<void> {
	const s = await loadSession(ctx, input.sessionId, 'study.manage');
	if (input.planItemId !== undefined) {
		// only an item of a plan of the session's own unit and year
		const [item] = await ctx.db
			.select({ id: studyPlanItem.id })
			.from(studyPlanItem)
			.innerJoin(studyPlan, eq(studyPlan.id, studyPlanItem.planId))
			.where(
				and(
					eq(studyPlanItem.id, input.planItemId),
					eq(studyPlan.unitId, s.unitId),
					eq(studyPlan.year, Number(s.date.slice(0, 4)))
				)
			);
		if (!item) throw new InvalidInputError({ planItemId: ['err_invalid'] });
	}
	const internal = input.speakerKind === 'internal';
	if (internal && !(await isSpeakerChoice(ctx, s, input.speakerPersonId!)))
		throw new InvalidInputError({ speakerPersonId: ['err_invalid'] });
	const after = {
		topic: input.topic,
		form: input.form,
		planItemId: input.planItemId ?? null,
		speakerKind: input.speakerKind ?? null,
		speakerPersonId: internal ? input.speakerPersonId! : null,
		speakerName: input.speakerKind === 'external' ? input.speakerName : '',
		speakerTitle: input.speakerKind === 'external' ? input.speakerTitle : '',
		laws: input.laws,
		location: input.location
	};
	await transact(ctx, async (tx) => {
		await tx.db
			.update(studySession)
			.set({ ...after, sequence: s.sequence + 1, updatedAt: tx.now })
			.where(eq(studySession.id, s.id));
		await appendAudit(tx, {
			action: 'study_session.updated',
			entityType: 'study_session',
			entityId: s.id,
			unitId: s.unitId,
			before: {
				topic: s.topic,
				form: s.form,
				planItemId: s.planItemId,
				speakerPersonId: s.speakerPersonId,
				speakerName: s.speakerName
			},
			after
		});
	});
}

/** The minutes (会议记录) in Markdown. */
export async function saveSessionMinutes(ctx: Ctx, input: SessionMinutesInput): Promise<void> {
	const s = await loadOpenSession(ctx, input.sessionId);
	await transact(ctx, async (tx) => {
		await tx.db
			.update(studySession)
			.set({ minutes: input.minutes, updatedAt: tx.now })
			.where(eq(studySession.id, s.id));
	});
}

/**
 * When the session actually began and ended (wall-clock times on its date): the session is then
 * held, and its length is what the duration check and study credits use. Not before its day.
 */
export async function recordSessionTimes(ctx: Ctx, input: SessionTimesInput): Promise<void> {
	const s = await loadOpenSession(ctx, input.sessionId);
	assertSessionTookPlace(s, ctx.now);
	const startAt = shanghaiInstant(s.date, input.actualStart);
	const endAt = shanghaiInstant(s.date, input.actualEnd);
	await transact(ctx, async (tx) => {
		await tx.db
			.update(studySession)
			.set({ actualStartAt: startAt, actualEndAt: endAt, status: 'held', updatedAt: tx.now })
			.where(eq(studySession.id, s.id));
		await appendAudit(tx, {
			action: 'study_session.times_recorded',
			entityType: 'study_session',
			entityId: s.id,
			unitId: s.unitId,
			before: { actualStartAt: s.actualStartAt, actualEndAt: s.actualEndAt },
			after: { actualStartAt: startAt, actualEndAt: endAt }
		});
	});
}
