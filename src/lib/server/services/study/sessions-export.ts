import { type SQL, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { studyPlanItem, studySession } from '../../db/schema/index.ts';
import { type ListExport, keysetPages, mapPages } from '../../spreadsheet/index.ts';
import { zh, zhColumn } from '../../spreadsheet/zh.ts';
import { loadPlan, loadSchedule } from './access.ts';
import { countVisibleSessions, datedBetween, visibleSessions } from './calendar.ts';

/** Which sessions to export: a calendar year's, one study plan's or one schedule's. */
export type SessionsOf = { year: number } | { planId: number } | { scheduleId: number };

/**
 * The condition selecting the sessions of `of`. A plan or a schedule is looked up first, as its
 * page does: one out of the user's units is refused (not found when they may read elsewhere).
 */
async function selecting(ctx: Ctx, of: SessionsOf): Promise<SQL | undefined> {
	if ('year' in of) return datedBetween(`${of.year}-01-01`, `${of.year}-12-31`);
	if ('planId' in of) {
		await loadPlan(ctx, of.planId, 'study.read');
		const items = ctx.db
			.select({ id: studyPlanItem.id })
			.from(studyPlanItem)
			.where(eq(studyPlanItem.planId, of.planId));
		return inArray(studySession.planItemId, items);
	}
	await loadSchedule(ctx, of.scheduleId, 'study.read');
	return eq(studySession.scheduleId, of.scheduleId);
}

/**
 * The sessions of a year, a plan or a schedule that the calendar shows the user (their own; every
 * session of their units for organisers, HR and administrators), in date order, read a page at a
 * time.
 */
export async function exportSessions(ctx: Ctx, of: SessionsOf): Promise<ListExport> {
	const which = await selecting(ctx, of);
	const rows = await countVisibleSessions(ctx, which);
	type Row = Awaited<ReturnType<typeof visibleSessions>>[number];
	const fetch = (after: Row | undefined, limit: number) =>
		visibleSessions(
			ctx,
			which,
			after &&
				sql`(${studySession.date}, ${studySession.startTime}, ${studySession.id}) > (${after.date}, ${after.startTime}, ${after.id})`
		).limit(limit);
	return {
		sheet: zh('study_sessions_sheet'),
		columns: [
			zhColumn('study_date', 12),
			zhColumn('study_start_time', 8),
			zhColumn('study_planned_minutes', 10),
			zhColumn('study_team', 24),
			zhColumn('study_unit', 24),
			zhColumn('study_topic', 36),
			zhColumn('study_form', 10),
			zhColumn('study_speaker', 14),
			zhColumn('study_location', 20),
			zhColumn('study_status', 8)
		],
		rows,
		pages: mapPages(keysetPages(fetch), (s) => [
			s.date,
			s.startTime,
			String(s.durationMinutes),
			s.teamName,
			s.unitName,
			s.topic,
			zh(`study_form_${s.form}`),
			s.speakerName,
			s.location,
			zh(`study_session_status_${s.status}`)
		])
	};
}
