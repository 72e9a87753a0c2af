import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { studySession } from '../../db/schema/index.ts';
import { type ListExport, keysetPages, mapPages } from '../../spreadsheet/index.ts';
import { zh, zhColumn } from '../../spreadsheet/zh.ts';
import { countVisibleSessions, visibleSessions } from './calendar.ts';

/**
 * A year of the sessions the calendar shows the user (their own; every session of their units for
 * organisers, HR and administrators), in date order, read a page at a time.
 */
export async function exportSessions(ctx: Ctx, year: number): Promise<ListExport> {
	const from = `${year}-01-01`;
	const to = `${year}-12-31`;
	const rows = await countVisibleSessions(ctx, from, to);
	type Row = Awaited<ReturnType<typeof visibleSessions>>[number];
	const fetch = (after: Row | undefined, limit: number) =>
		visibleSessions(
			ctx,
			from,
			to,
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
