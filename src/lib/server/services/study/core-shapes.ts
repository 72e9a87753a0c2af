/**
 * Stored rows in the core's shapes, so that the figures (plan progress, attendance rates,
 * duration checks) are the core's, computed the same way everywhere.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Attendance, StudyPlan, StudySession } from '@xuefa/core';
import {
	type StudyLawRef,
	type studyAttendance,
	type studyPlan,
	type studyPlanItem,
	studySession
} from '../../db/schema/index.ts';

type PlanRow = typeof studyPlan.$inferSelect;
type ItemRow = typeof studyPlanItem.$inferSelect;
type SessionRow = typeof studySession.$inferSelect;
type AttendanceRow = Pick<typeof studyAttendance.$inferSelect, 'personId' | 'status' | 'reason'>;

export function corePlan(plan: PlanRow, items: ItemRow[]): StudyPlan {
	return {
		id: String(plan.id),
		unitId: String(plan.unitId),
		year: plan.year,
		title: plan.title,
		items: items.map((i) => ({
			id: String(i.id),
			topic: i.topic,
			laws: i.laws,
			form: i.form,
			planned: i.plannedDate ? { date: i.plannedDate } : { month: i.plannedMonth },
			...(i.speaker ? { speaker: i.speaker } : {}),
			...(i.plannedMinutes !== null ? { plannedMinutes: i.plannedMinutes } : {}),
			...(i.materialsNote ? { materials: [i.materialsNote] } : {})
		}))
	};
}

/** Minutes between the recorded actual start and end, else the planned length. */
export function sessionMinutes(
	s: Pick<SessionRow, 'actualStartAt' | 'actualEndAt' | 'durationMinutes'>
) {
	if (s.actualStartAt && s.actualEndAt)
		return Math.round((s.actualEndAt.getTime() - s.actualStartAt.getTime()) / 60_000);
	return s.durationMinutes;
}

/**
 * The core's countsAsHeld as SQL over `study_session`, for counts made in one query: held, and a
 * lecture or collective session at least `minLectureMinutes` long by {@link sessionMinutes}.
 */
export function countsAsHeldSql(minLectureMinutes: number): SQL {
	const s = studySession;
	const minutes = sql`CASE WHEN ${s.actualStartAt} IS NOT NULL AND ${s.actualEndAt} IS NOT NULL
		THEN round((${s.actualEndAt} - ${s.actualStartAt}) / 60000.0) ELSE ${s.durationMinutes} END`;
	return sql`(${s.status} = 'held' AND (${s.form} NOT IN ('lecture', 'collective')
		OR ${minutes} >= ${minLectureMinutes}))`;
}

/**
 * A held or cancelled session as the core sees it (planned ones are not part of any figure yet);
 * `unitOf` gives each attendee's unit for the per-unit rates.
 */
export function coreSession(
	s: SessionRow,
	attendance: AttendanceRow[],
	unitOf: (personId: number) => number
): StudySession | null {
	if (s.status === 'planned') return null;
	return {
		id: String(s.id),
		...(s.planItemId !== null ? { planItemId: String(s.planItemId) } : {}),
		...(s.scheduleId !== null && s.slot ? { occurrenceKey: `${s.scheduleId}/${s.slot}` } : {}),
		date: s.date,
		durationMinutes: sessionMinutes(s),
		form: s.form,
		topic: s.topic,
		laws: s.laws as StudyLawRef[],
		status: s.status,
		attendance: attendance.map((a): Attendance => ({
			personId: String(a.personId),
			unitId: String(unitOf(a.personId)),
			status: a.status,
			...(a.reason ? { reason: a.reason } : {})
		}))
	};
}
