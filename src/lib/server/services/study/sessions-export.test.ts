import { describe, expect, it } from 'vitest';
import {
	addSessionInput,
	planItemInput,
	scheduleInput,
	sessionDetailsInput
} from '$lib/schemas/study.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { testDb } from '../../testing/db.ts';
import { readListExport } from '../../testing/xlsx.ts';
import { addSession } from './occurrences.ts';
import { addPlanItem } from './plan-items.ts';
import { createPlan } from './plans.ts';
import { createSchedule, getSchedule } from './schedules.ts';
import { updateSessionDetails } from './session-record.ts';
import { exportSessions } from './sessions-export.ts';
import { studyDistrict } from './testing.ts';

/** A schedule of Friday sessions in January 2026, a session added by hand, and a plan delivered by both. */
async function programme() {
	const db = await testDb();
	const s = await studyDistrict(db);
	const { ctx, teamId, d } = s;
	const scheduleId = await createSchedule(
		ctx.organiser,
		scheduleInput.parse({
			teamId: String(teamId),
			title: '常务会议会前学法',
			form: 'collective',
			weekday: '5',
			startDate: '2026-01-01',
			endDate: '2026-01-31',
			startTime: '09:00',
			durationMinutes: '30',
			location: '第一会议室'
		})
	);
	const byHand = await addSession(
		ctx.organiser,
		addSessionInput.parse({
			teamId: String(teamId),
			topic: '行政复议法讲座',
			form: 'lecture',
			date: '2026-03-02',
			startTime: '14:00',
			durationMinutes: '40'
		})
	);
	const planId = await createPlan(ctx.organiser, {
		unitId: d.root.id,
		teamId,
		year: 2026,
		title: '2026年学法计划'
	});
	const itemId = await addPlanItem(
		ctx.organiser,
		planItemInput.parse({
			planId: String(planId),
			topic: '学习《行政复议法》',
			form: 'lecture',
			when: '2026-03',
			speaker: '王律师',
			plannedMinutes: '40',
			'laws.0.law': '行政复议法',
			'laws.0.articles': ''
		})
	);
	await updateSessionDetails(
		ctx.organiser,
		sessionDetailsInput.parse({
			sessionId: String(byHand),
			topic: '行政复议法讲座',
			form: 'lecture',
			planItemId: String(itemId),
			speakerKind: 'external',
			speakerName: '王某',
			speakerTitle: '律师',
			'laws.0.law': '行政复议法',
			'laws.0.articles': ''
		})
	);
	return { ...s, scheduleId, planId };
}

describe('the sessions of one schedule or one plan as .xlsx', () => {
	it('hold that schedule’s sessions, or that plan’s, with the calendar’s columns', async () => {
		const { ctx, scheduleId, planId } = await programme();
		const { sessions } = await getSchedule(ctx.organiser, scheduleId);
		// the Fridays of January 2026 but New Year's 2 January
		expect(sessions.map((x) => x.date)).toEqual([
			'2026-01-09',
			'2026-01-16',
			'2026-01-23',
			'2026-01-30'
		]);
		const ofSchedule = await readListExport(await exportSessions(ctx.organiser, { scheduleId }));
		const ofYear = await readListExport(await exportSessions(ctx.organiser, { year: 2026 }));
		expect(ofSchedule.header).toEqual(ofYear.header);
		expect(ofSchedule.header.slice(0, 2)).toEqual(['日期', '开始时间']);
		// the session added by hand on 2 March is not the schedule's
		expect(ofSchedule.rows.map((r) => r[0])).toEqual(sessions.map((x) => x.date));
		expect(ofSchedule.rows[0]?.slice(0, 3)).toEqual(['2026-01-09', '09:00', '30']);
		expect(ofYear.rows.map((r) => r[0])).toContain('2026-03-02');

		const ofPlan = await readListExport(await exportSessions(ctx.organiser, { planId }));
		expect(ofPlan.rows).toHaveLength(1);
		expect(ofPlan.rows[0]?.slice(0, 6)).toEqual([
			'2026-03-02',
			'14:00',
			'40',
			'区政府领导班子',
			'测试区政府',
			'行政复议法讲座'
		]);
	});

	it('are refused outside the viewer’s units, and not found when there is none', async () => {
		const { ctx, scheduleId, planId } = await programme();
		// the street organiser reads only the street's records; the programme is the district's
		await expect(exportSessions(ctx.street, { scheduleId })).rejects.toThrow(ForbiddenError);
		await expect(exportSessions(ctx.street, { planId })).rejects.toThrow(ForbiddenError);
		await expect(exportSessions(ctx.outsider, { planId })).rejects.toThrow(ForbiddenError);
		await expect(exportSessions(ctx.organiser, { scheduleId: 999 })).rejects.toThrow(NotFoundError);
		await expect(exportSessions(ctx.organiser, { planId: 999 })).rejects.toThrow(NotFoundError);
	});
});
