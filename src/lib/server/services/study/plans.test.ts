import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addSessionInput, planItemInput, sessionDetailsInput } from '$lib/schemas/study.ts';
import { auditEntry } from '../../db/schema/index.ts';
import { ForbiddenError, InvalidInputError } from '../../errors.ts';
import { testDb } from '../../testing/db.ts';
import { markRest } from './attendance.ts';
import { addSession } from './occurrences.ts';
import { addPlanItem, updatePlanItem } from './plan-items.ts';
import { createPlan, getPlan, listPlans, publishPlan } from './plans.ts';
import { teamRates } from './rates.ts';
import { recordSessionTimes, updateSessionDetails } from './session-record.ts';
import { getSession } from './sessions.ts';
import { listTeams } from './teams.ts';
import { countsByUnit, yearWindow } from '../oversight/counts.ts';
import { setPolicy, studyDistrict } from './testing.ts';

const item = (planId: number, over: Record<string, string> = {}) =>
	planItemInput.parse({
		planId: String(planId),
		topic: '学习《行政复议法》修订要点',
		form: 'lecture',
		when: '2026-03',
		speaker: '王律师',
		plannedMinutes: '40',
		'laws.0.law': '《行政复议法》',
		'laws.0.articles': '第二条、11',
		...over
	});

/** The district's leadership team and a draft plan of theirs for 2026. */
async function draftPlan() {
	const db = await testDb();
	const s = await studyDistrict(db);
	const planId = await createPlan(s.ctx.organiser, {
		unitId: s.d.root.id,
		teamId: s.teamId,
		year: 2026,
		title: '2026年区政府常务会议会前学法计划'
	});
	return { db, ...s, planId };
}

describe('study plans', () => {
	it('are drafted, checked by the core, published with an audit entry, and follow their progress', async () => {
		const { db, ctx, teamId, planId } = await draftPlan();
		await expect(publishPlan(ctx.organiser, { planId })).rejects.toMatchObject({
			code: 'study_plan_empty'
		});
		const lecture = await addPlanItem(ctx.organiser, item(planId));
		await addPlanItem(
			ctx.organiser,
			item(planId, {
				topic: '书面学习《公务员法》',
				form: 'written',
				when: '2026-01',
				speaker: '',
				'laws.0.law': '公务员法',
				'laws.0.articles': ''
			})
		);
		await addPlanItem(
			ctx.organiser,
			item(planId, { topic: '庭审观摩', form: 'trial', when: '2026-06-18' })
		);
		// a month outside the plan's year is refused by the core's rule, on the right field
		const outside = await addPlanItem(ctx.organiser, item(planId, { when: '2025-12' })).catch(
			(e: unknown) => e
		);
		expect(outside).toBeInstanceOf(InvalidInputError);
		expect(Object.keys((outside as InvalidInputError).fields)).toEqual(['when']);

		await publishPlan(ctx.organiser, { planId });
		const [published] = await db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.action, 'study_plan.published'));
		expect(published?.after).toMatchObject({ items: 3 });

		// a session delivers the lecture item: held, it counts
		const sessionId = await addSession(
			ctx.organiser,
			addSessionInput.parse({
				teamId: String(teamId),
				topic: '行政复议法讲座',
				form: 'lecture',
				date: '2026-03-02',
				startTime: '09:00',
				durationMinutes: '40'
			})
		);
		await updateSessionDetails(
			ctx.organiser,
			sessionDetailsInput.parse({
				sessionId: String(sessionId),
				topic: '行政复议法讲座',
				form: 'lecture',
				planItemId: String(lecture),
				speakerKind: 'external',
				speakerName: '王某',
				speakerTitle: '某某律师事务所律师',
				'laws.0.law': '行政复议法',
				'laws.0.articles': '二'
			})
		);
		let { progress, items } = await getPlan(ctx.organiser, planId);
		expect(progress.held).toBe(0); // planned only
		await markRest(ctx.organiser, { sessionId, status: 'present' });
		({ progress, items } = await getPlan(ctx.organiser, planId));
		expect(progress).toMatchObject({ planned: 3, held: 1 });
		expect(progress.byForm.lecture).toEqual({ planned: 1, held: 1 });
		expect(progress.byForm.written).toEqual({ planned: 1, held: 0 });
		expect(progress.byLaw['行政复议法']).toEqual({ planned: 2, held: 1 });
		// the written item was planned for January: overdue on 2026-03-02
		const written = items.find((i) => i.form === 'written')!;
		expect(progress.overdueItemIds).toEqual([String(written.id)]);
		expect(items.find((i) => i.id === lecture)?.held).toBe(true);
		// editing a published plan's item is allowed and audited
		await updatePlanItem(ctx.organiser, {
			...item(planId, { topic: '学习《行政复议法》' }),
			itemId: lecture
		});
		const edits = await db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.action, 'study_plan.item_updated'));
		expect(edits).toHaveLength(1);
	});

	it('flag a lecture shorter than the policy minimum, which leaves its plan item open', async () => {
		const { db, d, ctx, teamId, planId } = await draftPlan();
		const itemId = await addPlanItem(ctx.organiser, item(planId, { topic: '宪法学习' }));
		await publishPlan(ctx.organiser, { planId });
		const sessionId = await addSession(
			ctx.organiser,
			addSessionInput.parse({
				teamId: String(teamId),
				topic: '宪法学习',
				form: 'lecture',
				date: '2026-03-02',
				startTime: '09:00',
				durationMinutes: '30'
			})
		);
		await updateSessionDetails(
			ctx.organiser,
			sessionDetailsInput.parse({
				sessionId: String(sessionId),
				topic: '宪法学习',
				form: 'lecture',
				planItemId: String(itemId),
				speakerKind: 'external',
				speakerName: '王律师'
			})
		);
		await recordSessionTimes(ctx.organiser, {
			sessionId,
			actualStart: '09:02',
			actualEnd: '09:27'
		});
		const s = await getSession(ctx.organiser, sessionId);
		expect(s.actualMinutes).toBe(25);
		expect(s.short).toEqual([
			{
				code: 'session.duration.short',
				data: { sessionId: String(sessionId), minutes: 25, min: 30 }
			}
		]);
		// held, but the item is not done: not on the plan's page, not in the year's counts; the
		// team's page says the session took place, and that its talk ran short
		const itemState = async () => {
			const { progress, items } = await getPlan(ctx.organiser, planId);
			const { units } = await countsByUnit(db, d.root.path, yearWindow(2026, ctx.organiser.now));
			const team = await teamRates(db, teamId, 2026);
			const [i] = items;
			return {
				held: progress.held,
				item: { held: i!.held, short: i!.short },
				counted: units.get(d.root.id)!.planItems.held,
				team: { held: team.held, short: team.short }
			};
		};
		expect(await itemState()).toEqual({
			held: 0,
			item: { held: false, short: true },
			counted: 0,
			team: { held: 1, short: 1 }
		});
		// a district with a 20-minute minimum counts it
		await setPolicy(db, 'study.minLectureMinutes', 20);
		expect(await itemState()).toMatchObject({ held: 1, counted: 1 });
		await setPolicy(db, 'study.minLectureMinutes', 30);
		// the full half hour, corrected
		await recordSessionTimes(ctx.organiser, {
			sessionId,
			actualStart: '09:00',
			actualEnd: '09:30'
		});
		expect(await itemState()).toEqual({
			held: 1,
			item: { held: true, short: false },
			counted: 1,
			team: { held: 1, short: 0 }
		});
	});

	it('are scoped to units: a street organiser, HR and a cadre each see what they should', async () => {
		const db = await testDb();
		const { d, ctx } = await studyDistrict(db);
		const district = await createPlan(ctx.organiser, {
			unitId: d.root.id,
			year: 2026,
			title: '区级计划'
		});
		const streetPlan = await createPlan(ctx.street, {
			unitId: d.b.id,
			year: 2026,
			title: '街道计划'
		});
		expect((await listPlans(ctx.organiser)).map((p) => p.title).sort()).toEqual([
			'区级计划',
			'街道计划'
		]);
		expect((await listPlans(ctx.street)).map((p) => p.title)).toEqual(['街道计划']);
		expect((await listPlans(ctx.hr)).length).toBe(2);
		await expect(getPlan(ctx.street, district)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(addPlanItem(ctx.hr, item(streetPlan))).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			createPlan(ctx.street, { unitId: d.a.id, year: 2026, title: '越界' })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(listPlans(ctx.leader)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(listTeams(ctx.leader)).rejects.toBeInstanceOf(ForbiddenError);
		expect((await listTeams(ctx.street)).length).toBe(0);
		expect((await listTeams(ctx.hr))[0]).toMatchObject({ members: 3, manage: false });
	});
});
