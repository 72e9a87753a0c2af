import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
	addSessionInput,
	copyPreviousPlanInput,
	planItemInput,
	sessionDetailsInput
} from '$lib/schemas/study.ts';
import { auditEntry, studySession } from '../../db/schema/index.ts';
import { ForbiddenError, InvalidInputError } from '../../errors.ts';
import { testDb } from '../../testing/db.ts';
import { addSession } from './occurrences.ts';
import { copyPreviousPlan, previousPlanOffer } from './plan-copy.ts';
import { addPlanItem } from './plan-items.ts';
import { createPlan, getPlan, publishPlan } from './plans.ts';
import { updateSessionDetails } from './session-record.ts';
import { at, studyDistrict } from './testing.ts';

const item = (planId: number, over: Record<string, string>) =>
	planItemInput.parse({
		planId: String(planId),
		topic: '学习《行政复议法》修订要点',
		form: 'lecture',
		speaker: '王律师',
		plannedMinutes: '40',
		materialsNote: '修订对照表',
		'laws.0.law': '《行政复议法》',
		'laws.0.articles': '第二条',
		...over
	});

/** The team's published 2026 plan, one item delivered by a session; the organiser in December. */
async function lastYear() {
	const db = await testDb();
	const s = await studyDistrict(db);
	const organiser = at(s.ctx.organiser, '2026-12-04T10:00:00+08:00');
	const plan = { unitId: s.d.root.id, teamId: s.teamId };
	const oldId = await createPlan(s.ctx.organiser, { ...plan, year: 2026, title: '2026年学法计划' });
	const lectureId = await addPlanItem(s.ctx.organiser, item(oldId, { when: '2026-03-16' }));
	await addPlanItem(
		s.ctx.organiser,
		item(oldId, { topic: '书面学习《公务员法》', form: 'written', when: '2026-12', speaker: '' })
	);
	await publishPlan(s.ctx.organiser, { planId: oldId });
	const sessionId = await addSession(
		s.ctx.organiser,
		addSessionInput.parse({
			teamId: String(s.teamId),
			topic: '行政复议法',
			form: 'lecture',
			date: '2026-03-16',
			startTime: '09:00',
			durationMinutes: '40'
		})
	);
	await updateSessionDetails(
		s.ctx.organiser,
		sessionDetailsInput.parse({
			sessionId: String(sessionId),
			topic: '行政复议法',
			form: 'lecture',
			planItemId: String(lectureId)
		})
	);
	const newId = await createPlan(organiser, { ...plan, year: 2027, title: '2027年学法计划' });
	return { db, ...s, organiser, oldId, newId };
}

describe('复制上一年计划', () => {
	it('fills next year’s empty plan with last year’s items, moved into 2027, and nothing else', async () => {
		const { db, organiser, oldId, newId } = await lastYear();
		expect(await previousPlanOffer(organiser, newId)).toEqual({
			id: oldId,
			title: '2026年学法计划',
			year: 2026,
			items: 2
		});
		expect(await copyPreviousPlan(organiser, { planId: newId, confirmed: 'yes' })).toBe(2);

		const copied = await getPlan(organiser, newId);
		expect(
			copied.items.map((i) => [i.topic, i.form, i.plannedMonth, i.plannedDate, i.speaker])
		).toEqual([
			['学习《行政复议法》修订要点', 'lecture', '2027-03', '2027-03-16', '王律师'],
			['书面学习《公务员法》', 'written', '2027-12', null, '']
		]);
		expect(copied.items[0]).toMatchObject({
			plannedMinutes: 40,
			materialsNote: '修订对照表',
			laws: [{ lawId: '行政复议法', articleNo: 2 }],
			held: false
		});
		// a draft: the organiser checks it before publishing; no session came with it
		expect(copied.plan.status).toBe('draft');
		expect(copied.progress.heldItemIds).toEqual([]);
		const sessions = await db.select().from(studySession);
		expect(sessions.map((s) => s.planItemId)).not.toContain(copied.items[0]!.id);
		expect(sessions).toHaveLength(1);
		// last year's plan is as it was
		expect((await getPlan(organiser, oldId)).items.map((i) => i.plannedMonth)).toEqual([
			'2026-03',
			'2026-12'
		]);

		const [entry] = await db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.action, 'study_plan.copied'));
		expect(entry).toMatchObject({ entityId: String(newId) });
		expect(entry!.after).toMatchObject({ fromYear: 2026, year: 2027, items: 2 });
	});

	it('is refused once the plan has items, leaving them as they are', async () => {
		const { db, organiser, newId } = await lastYear();
		await addPlanItem(organiser, item(newId, { when: '2027-02' }));
		await expect(
			copyPreviousPlan(organiser, { planId: newId, confirmed: 'yes' })
		).rejects.toMatchObject({ code: 'plan.copy.not_empty', data: { year: 2027, items: 1 } });
		expect((await getPlan(organiser, newId)).items).toHaveLength(1);
		expect(
			await db.select().from(auditEntry).where(eq(auditEntry.action, 'study_plan.copied'))
		).toEqual([]);
		// the page offers it only on an empty plan (the offer itself still names the source)
		expect((await previousPlanOffer(organiser, newId))?.year).toBe(2026);
	});

	it('asks first: the form must carry confirmed=yes', () => {
		const parsed = copyPreviousPlanInput.safeParse({ planId: '3' });
		expect(parsed.success).toBe(false);
		expect(copyPreviousPlanInput.safeParse({ planId: '3', confirmed: 'yes' }).success).toBe(true);
	});

	it('says so when the team has no plan of the year before', async () => {
		const { organiser, d } = await lastYear();
		const lone = await createPlan(organiser, { unitId: d.root.id, year: 2027, title: '全区计划' });
		expect(await previousPlanOffer(organiser, lone)).toBeNull();
		const refused = await copyPreviousPlan(organiser, { planId: lone, confirmed: 'yes' }).catch(
			(e: unknown) => e
		);
		expect(refused).toBeInstanceOf(InvalidInputError);
		expect(refused).toMatchObject({ code: 'study_plan_copy_no_source', params: { year: 2026 } });
	});

	it('is for the plan’s organisers only', async () => {
		const { ctx, newId } = await lastYear();
		await expect(
			copyPreviousPlan(ctx.street, { planId: newId, confirmed: 'yes' })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			copyPreviousPlan(ctx.hr, { planId: newId, confirmed: 'yes' })
		).rejects.toBeInstanceOf(ForbiddenError);
	});
});
