/**
 * A schedule's occurrences kept as session rows. The core generates the occurrences (holidays,
 * make-up days, the organiser's moves and cancellations, which the rows themselves remember);
 * this brings the rows in line: new slots get a session, changed ones move (their iCalendar
 * SEQUENCE raised), and slots that are gone lose their session unless something was recorded
 * for it, in which case it stays, cancelled. A held session is history and never changes.
 * Leave asked for in advance is not such a record: it was for a meeting that will not take place,
 * so it goes with its session, and stays with it when the session is kept for something else.
 */
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import {
	ADVANCE_STATUSES,
	type ScheduleOverride,
	type ScheduleRule,
	type Weekday,
	type WorkingDayCalendar,
	generateOccurrences
} from '@xuefa/core';
import type { Tx } from '../../db/index.ts';
import {
	studyAttendance,
	studyMaterial,
	studySchedule,
	studySession
} from '../../db/schema/index.ts';

type ScheduleRow = typeof studySchedule.$inferSelect;
type SessionRow = typeof studySession.$inferSelect;
type RuleFields = Pick<
	ScheduleRow,
	| 'id'
	| 'weekday'
	| 'intervalWeeks'
	| 'startDate'
	| 'endDate'
	| 'startTime'
	| 'durationMinutes'
	| 'onHoliday'
	| 'makeUpDays'
>;

/** The core rule of a stored schedule, with the overrides its sessions carry. */
export function ruleOf(schedule: RuleFields, sessions: SessionRow[]): ScheduleRule {
	const overrides = sessions.flatMap((s): ScheduleOverride[] => {
		if (!s.slot || !s.override) return [];
		const note = s.note ? { note: s.note } : {};
		return s.override === 'cancel'
			? [{ slot: s.slot, action: 'cancel', ...note }]
			: [
					{
						slot: s.slot,
						action: 'move',
						date: s.date,
						startTime: s.startTime,
						durationMinutes: s.durationMinutes,
						...note
					}
				];
	});
	return {
		id: String(schedule.id),
		weekday: schedule.weekday as Weekday,
		intervalWeeks: schedule.intervalWeeks,
		startDate: schedule.startDate,
		endDate: schedule.endDate,
		startTime: schedule.startTime,
		durationMinutes: schedule.durationMinutes,
		onHoliday: schedule.onHoliday,
		makeUpDays: schedule.makeUpDays,
		overrides
	};
}

export interface SyncResult {
	created: number;
	changed: number;
	removed: number;
	/** The sessions kept but moved, cancelled, reinstated or retitled (the ones someone may need telling). */
	changedIds: number[];
}

/**
 * Brings a schedule's sessions in line with its rule on `calendar`. `previous` is the schedule as
 * it was before an edit: sessions still showing its title, form or place take the new ones.
 */
export async function syncSchedule(
	ctx: { db: Tx; now: Date; user: { id: number } | null },
	schedule: ScheduleRow,
	calendar: WorkingDayCalendar,
	previous: ScheduleRow = schedule
): Promise<SyncResult> {
	const { db, now } = ctx;
	const sessions = await db
		.select()
		.from(studySession)
		.where(eq(studySession.scheduleId, schedule.id));
	const { occurrences } = generateOccurrences(ruleOf(schedule, sessions), calendar, {
		includeCancelled: true
	});
	const bySlot = new Map(sessions.map((s) => [s.slot, s]));
	const result: SyncResult = { created: 0, changed: 0, removed: 0, changedIds: [] };
	const fresh: (typeof studySession.$inferInsert)[] = [];

	for (const occ of occurrences) {
		const s = bySlot.get(occ.slot);
		bySlot.delete(occ.slot);
		if (!s) {
			fresh.push({
				unitId: schedule.unitId,
				teamId: schedule.teamId,
				scheduleId: schedule.id,
				slot: occ.slot,
				date: occ.date,
				startTime: occ.startTime,
				durationMinutes: occ.durationMinutes,
				form: schedule.form,
				topic: schedule.title,
				laws: [],
				location: schedule.location,
				createdAt: now,
				createdBy: ctx.user?.id ?? null,
				updatedAt: now
			});
			continue;
		}
		if (s.status === 'held') continue;
		const next = {
			date: occ.date,
			startTime: occ.startTime,
			durationMinutes: occ.durationMinutes,
			status: occ.cancelled ? ('cancelled' as const) : ('planned' as const),
			topic: s.topic === previous.title ? schedule.title : s.topic,
			form: s.form === previous.form ? schedule.form : s.form,
			location: s.location === previous.location ? schedule.location : s.location
		};
		const moved =
			next.date !== s.date ||
			next.startTime !== s.startTime ||
			next.durationMinutes !== s.durationMinutes ||
			next.status !== s.status;
		const retitled = next.topic !== s.topic || next.form !== s.form || next.location !== s.location;
		if (!moved && !retitled) continue;
		await db
			.update(studySession)
			.set({ ...next, sequence: s.sequence + 1, updatedAt: now })
			.where(eq(studySession.id, s.id));
		result.changed++;
		result.changedIds.push(s.id);
	}
	if (fresh.length > 0) {
		await db.insert(studySession).values(fresh);
		result.created = fresh.length;
	}

	// slots that no longer produce a session (a new holiday, a shorter range, another weekday)
	const gone = [...bySlot.values()].filter((s) => s.status !== 'held');
	if (gone.length > 0) {
		const ids = gone.map((s) => s.id);
		// marks that say the session took place; leave asked for in advance does not
		const withAttendance = await db
			.selectDistinct({ id: studyAttendance.sessionId })
			.from(studyAttendance)
			.where(
				and(
					inArray(studyAttendance.sessionId, ids),
					notInArray(studyAttendance.status, [...ADVANCE_STATUSES])
				)
			);
		const withMaterials = await db
			.selectDistinct({ id: studyMaterial.sessionId })
			.from(studyMaterial)
			.where(inArray(studyMaterial.sessionId, ids));
		const recorded = new Set([...withAttendance, ...withMaterials].map((r) => r.id));
		for (const s of gone) {
			if (recorded.has(s.id) || s.minutes || s.planItemId !== null || s.speakerKind !== null) {
				if (s.status === 'cancelled') continue;
				await db
					.update(studySession)
					.set({ status: 'cancelled', sequence: s.sequence + 1, updatedAt: now })
					.where(eq(studySession.id, s.id));
				result.changed++;
				result.changedIds.push(s.id);
			} else {
				// no orphan rows, whether or not the connection enforces the cascade
				await db.delete(studyAttendance).where(eq(studyAttendance.sessionId, s.id));
				await db.delete(studySession).where(eq(studySession.id, s.id));
				result.removed++;
			}
		}
	}
	return result;
}
