import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { dayInfo, generateOccurrences } from '@xuefa/core';
import type { ScheduleInput, UpdateScheduleInput } from '$lib/schemas/study.ts';
import { authorizeAnywhere, can, inScope } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import { studySchedule, studySession, studyTeam, unit } from '../../db/schema/index.ts';
import { appendAudit } from '../audit/append.ts';
import { workingDayCalendar } from '../calendar/load.ts';
import { loadSchedule, loadTeam } from './access.ts';
import { ruleOf, syncSchedule } from './sync.ts';

/** The schedules of the units in the user's reading scope. */
export async function listSchedules(ctx: Ctx) {
	authorizeAnywhere(ctx, 'study.read');
	return ctx.db
		.select({
			id: studySchedule.id,
			title: studySchedule.title,
			weekday: studySchedule.weekday,
			startTime: studySchedule.startTime,
			startDate: studySchedule.startDate,
			endDate: studySchedule.endDate,
			teamName: studyTeam.name,
			unitName: unit.name
		})
		.from(studySchedule)
		.innerJoin(unit, eq(unit.id, studySchedule.unitId))
		.innerJoin(studyTeam, eq(studyTeam.id, studySchedule.teamId))
		.where(inScope(ctx.user, 'study.read', unit.path))
		.orderBy(asc(unit.path), asc(studySchedule.title));
}

type Timed = Pick<
	typeof studySession.$inferSelect,
	'id' | 'date' | 'startTime' | 'durationMinutes' | 'status'
>;
const minuteOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const overlap = (a: Timed, b: Timed) =>
	a.date === b.date &&
	minuteOf(a.startTime) < minuteOf(b.startTime) + b.durationMinutes &&
	minuteOf(b.startTime) < minuteOf(a.startTime) + a.durationMinutes;

/**
 * The team's other sessions (of another schedule or added by hand) at the same time as one of
 * `sessions`: a new year's schedule beside last year's still running into January doubles every
 * Monday of the team, and the cadres see both.
 */
async function clashesWith(ctx: Ctx, teamId: number, sessions: Timed[]) {
	const live = sessions.filter((s) => s.status !== 'cancelled');
	if (live.length === 0) return [];
	const others = await ctx.db
		.select({
			id: studySession.id,
			date: studySession.date,
			startTime: studySession.startTime,
			durationMinutes: studySession.durationMinutes,
			status: studySession.status,
			topic: studySession.topic,
			scheduleTitle: studySchedule.title
		})
		.from(studySession)
		.leftJoin(studySchedule, eq(studySchedule.id, studySession.scheduleId))
		.where(
			and(
				eq(studySession.teamId, teamId),
				ne(studySession.status, 'cancelled'),
				inArray(
					studySession.date,
					live.map((s) => s.date)
				)
			)
		)
		.orderBy(asc(studySession.date), asc(studySession.startTime));
	const mine = new Set(sessions.map((s) => s.id));
	return others.filter((o) => !mine.has(o.id) && live.some((s) => overlap(s, o)));
}

/**
 * A schedule, its sessions (each with what kind of day it falls on) and the slots the calendar
 * skipped, with the core's warnings (a year without holiday data …) and the team's other sessions
 * at the same time as one of them.
 */
export async function getSchedule(ctx: Ctx, scheduleId: number) {
	const schedule = await loadSchedule(ctx, scheduleId, 'study.read');
	const team = await loadTeam(ctx, schedule.teamId, 'study.read');
	const sessions = await ctx.db
		.select()
		.from(studySession)
		.where(eq(studySession.scheduleId, scheduleId))
		.orderBy(asc(studySession.date), asc(studySession.startTime));
	const calendar = await workingDayCalendar(ctx.db);
	const { skipped, warnings } = generateOccurrences(ruleOf(schedule, sessions), calendar);
	return {
		schedule,
		team,
		sessions: sessions.map((s) => ({ ...s, day: dayInfo(calendar, s.date) })),
		skipped,
		warnings,
		clashes: await clashesWith(ctx, schedule.teamId, sessions),
		manage: can(ctx.user, 'study.manage', schedule.unitPath)
	};
}

const facts = (i: Omit<ScheduleInput, 'teamId'>) => ({
	title: i.title,
	form: i.form,
	weekday: i.weekday,
	intervalWeeks: i.intervalWeeks,
	startDate: i.startDate,
	endDate: i.endDate,
	startTime: i.startTime,
	durationMinutes: i.durationMinutes,
	location: i.location,
	onHoliday: i.onHoliday,
	makeUpDays: i.followMakeUpDays ? ('follow' as const) : ('ignore' as const)
});

/** Creates a weekly (or every-N-weeks) schedule for a team and generates its sessions. */
export async function createSchedule(ctx: Ctx, input: ScheduleInput): Promise<number> {
	const team = await loadTeam(ctx, input.teamId, 'study.manage');
	const calendar = await workingDayCalendar(ctx.db);
	// the core validates the rule (range at most three years …) before anything is written
	generateOccurrences(ruleOf({ ...facts(input), id: 0 }, []), calendar);
	return transact(ctx, async (tx) => {
		const [row] = await tx.db
			.insert(studySchedule)
			.values({
				...facts(input),
				unitId: team.unitId,
				teamId: team.id,
				createdAt: tx.now,
				createdBy: tx.user.id,
				updatedAt: tx.now
			})
			.returning();
		const sync = await syncSchedule(tx, row!, calendar);
		await appendAudit(tx, {
			action: 'study_schedule.created',
			entityType: 'study_schedule',
			entityId: row!.id,
			unitId: team.unitId,
			after: { ...facts(input), teamId: team.id, sessions: sync.created }
		});
		return row!.id;
	});
}

/** Changes a schedule's rule; its sessions follow (held ones stay as they were). */
export async function updateSchedule(ctx: Ctx, input: UpdateScheduleInput) {
	const before = await loadSchedule(ctx, input.scheduleId, 'study.manage');
	const calendar = await workingDayCalendar(ctx.db);
	generateOccurrences(ruleOf({ ...before, ...facts(input) }, []), calendar);
	return transact(ctx, async (tx) => {
		const [row] = await tx.db
			.update(studySchedule)
			.set({ ...facts(input), updatedAt: tx.now })
			.where(eq(studySchedule.id, before.id))
			.returning();
		const sync = await syncSchedule(tx, row!, calendar, before);
		await appendAudit(tx, {
			action: 'study_schedule.updated',
			entityType: 'study_schedule',
			entityId: before.id,
			unitId: before.unitId,
			before: facts({ ...before, followMakeUpDays: before.makeUpDays === 'follow' }),
			after: {
				...facts(input),
				created: sync.created,
				changed: sync.changed,
				removed: sync.removed
			}
		});
		return sync;
	});
}
