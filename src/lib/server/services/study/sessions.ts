import { and, asc, eq, like, or, sql } from 'drizzle-orm';
import {
	attendanceRates,
	checkSessionDuration,
	awaitsHolidayArrangements,
	dayInfo,
	sessionNotYetHeld,
	shanghaiInstant
} from '@xuefa/core';
import type { Ctx } from '../../context.ts';
import {
	person,
	studyAttendance,
	studyMaterial,
	studyPlan,
	studyPlanItem,
	studySession,
	studyTeam,
	studyTeamMember,
	unit
} from '../../db/schema/index.ts';
import { renderMarkdown } from '../../markdown.ts';
import { workingDayCalendar } from '../calendar/load.ts';
import { loadVisibleSession, type SessionRow } from './access.ts';
import { coreSession, sessionMinutes } from './core-shapes.ts';
import { studyPolicy } from './policy.ts';

/**
 * The roster of a session: its team's members, and anyone else with an attendance record (a member
 * who has since left the team keeps their record), each with their attendance.
 */
export async function sessionRoster(
	ctx: Pick<Ctx, 'db'>,
	session: Pick<SessionRow, 'id' | 'teamId'>
) {
	const rows = await ctx.db
		.select({
			personId: person.id,
			name: person.name,
			employeeNo: person.employeeNo,
			unitId: unit.id,
			unitName: unit.name,
			status: studyAttendance.status,
			reason: studyAttendance.reason,
			source: studyAttendance.source,
			checkedInAt: studyAttendance.checkedInAt
		})
		.from(person)
		.innerJoin(unit, eq(unit.id, person.unitId))
		.leftJoin(
			studyAttendance,
			and(eq(studyAttendance.personId, person.id), eq(studyAttendance.sessionId, session.id))
		)
		.leftJoin(
			studyTeamMember,
			and(eq(studyTeamMember.personId, person.id), eq(studyTeamMember.teamId, session.teamId))
		)
		.where(
			or(eq(studyTeamMember.teamId, session.teamId), eq(studyAttendance.sessionId, session.id))
		)
		.orderBy(asc(unit.path), asc(person.name));
	return rows;
}

/** The session's attendance rate and counts (the core's attendanceRates over this one session). */
export function sessionRate(
	session: typeof studySession.$inferSelect,
	roster: Awaited<ReturnType<typeof sessionRoster>>
) {
	const marked = roster.flatMap((r) =>
		r.status ? [{ personId: r.personId, status: r.status, reason: r.reason ?? '' }] : []
	);
	const unitOf = new Map(roster.map((r) => [r.personId, r.unitId]));
	const core = coreSession(session, marked, (p) => unitOf.get(p) ?? 0);
	return core ? attendanceRates([core]).overall : null;
}

/** Everything the session page shows; managers also get the choices their forms offer. */
export async function getSession(ctx: Ctx, sessionId: number) {
	const { session, manage, member } = await loadVisibleSession(ctx, sessionId);
	const roster = await sessionRoster(ctx, session);
	const materials = await ctx.db
		.select({
			id: studyMaterial.id,
			fileName: studyMaterial.fileName,
			contentType: studyMaterial.contentType,
			size: studyMaterial.size,
			uploadedAt: studyMaterial.uploadedAt
		})
		.from(studyMaterial)
		.where(eq(studyMaterial.sessionId, session.id))
		.orderBy(asc(studyMaterial.uploadedAt));
	const policy = await studyPolicy(ctx.db);
	const calendar = await workingDayCalendar(ctx.db);
	const speaker =
		session.speakerPersonId === null
			? null
			: ((
					await ctx.db
						.select({ name: person.name, position: person.position })
						.from(person)
						.where(eq(person.id, session.speakerPersonId))
				)[0] ?? null);
	const planItem =
		session.planItemId === null
			? null
			: ((
					await ctx.db
						.select({ topic: studyPlanItem.topic, planId: studyPlanItem.planId })
						.from(studyPlanItem)
						.where(eq(studyPlanItem.id, session.planItemId))
				)[0] ?? null);
	const mine =
		ctx.user.personId === null ? undefined : roster.find((r) => r.personId === ctx.user.personId);
	const short =
		session.status === 'held'
			? checkSessionDuration(
					{
						id: String(session.id),
						form: session.form,
						status: 'held',
						durationMinutes: sessionMinutes(session)
					},
					{ minLectureMinutes: policy.minLectureMinutes }
				)
			: [];
	return {
		session,
		team: await loadTeamName(ctx, session.teamId),
		day: dayInfo(calendar, session.date),
		provisional:
			session.status === 'planned' && awaitsHolidayArrangements(calendar, session.date, ctx.now),
		startsAt: shanghaiInstant(session.date, session.startTime),
		actualMinutes: session.actualStartAt && session.actualEndAt ? sessionMinutes(session) : null,
		short,
		// a later day's session: only leave may be recorded yet (the services refuse the rest too)
		upcoming: session.status === 'cancelled' ? null : sessionNotYetHeld(session, ctx.now),
		minutesHtml: session.minutes ? renderMarkdown(session.minutes) : '',
		speaker,
		planItem,
		materials,
		// a member sees their own line, a manager or reader the whole roster
		roster: manage || !member ? roster : [],
		rate: manage || !member ? sessionRate(session, roster) : null,
		mine: mine ? { status: mine.status, checkedInAt: mine.checkedInAt } : null,
		member,
		manage,
		checkinOpen: session.checkinOpenedAt !== null && session.checkinClosedAt === null,
		choices: manage ? await sessionChoices(ctx, session) : null
	};
}

async function loadTeamName(ctx: Ctx, teamId: number) {
	const [row] = await ctx.db
		.select({ id: studyTeam.id, name: studyTeam.name })
		.from(studyTeam)
		.where(eq(studyTeam.id, teamId));
	return row!;
}

/** The plan items a session may deliver (plans of its unit and year) and the team as speakers. */
async function sessionChoices(ctx: Ctx, session: SessionRow) {
	const year = Number(session.date.slice(0, 4));
	const items = await ctx.db
		.select({
			id: studyPlanItem.id,
			topic: studyPlanItem.topic,
			plan: studyPlan.title,
			month: studyPlanItem.plannedMonth
		})
		.from(studyPlanItem)
		.innerJoin(studyPlan, eq(studyPlan.id, studyPlanItem.planId))
		.where(and(eq(studyPlan.unitId, session.unitId), eq(studyPlan.year, year)))
		.orderBy(asc(studyPlan.title), asc(studyPlanItem.plannedMonth));
	const speakers = await speakerChoices(ctx, session);
	return { items, speakers };
}

/** The longest list of speakers the session form offers (a district-wide session's unit holds thousands). */
const SPEAKER_CHOICES = 300;

/** Who may be named as an internal speaker: the team's members and the people of the session's unit and below. */
function speakers(ctx: Pick<Ctx, 'db'>, session: SessionRow, only?: number) {
	return ctx.db
		.select({ id: person.id, name: person.name, position: person.position })
		.from(person)
		.innerJoin(unit, eq(unit.id, person.unitId))
		.leftJoin(
			studyTeamMember,
			and(eq(studyTeamMember.personId, person.id), eq(studyTeamMember.teamId, session.teamId))
		)
		.where(
			and(
				eq(person.status, 'active'),
				only === undefined ? undefined : eq(person.id, only),
				or(eq(studyTeamMember.teamId, session.teamId), like(unit.path, `${session.unitPath}%`))
			)
		);
}

/**
 * The internal speakers the session form offers (a bureau's own legal staff): the team's members
 * first, then the people of the session's unit and the units below it, by name, at most a few
 * hundred — and the session's speaker, wherever they fall, so that editing keeps them.
 */
export async function speakerChoices(ctx: Pick<Ctx, 'db'>, session: SessionRow) {
	const listed = await speakers(ctx, session)
		.orderBy(sql`${studyTeamMember.teamId} IS NULL`, asc(person.name))
		.limit(SPEAKER_CHOICES);
	const current = session.speakerPersonId;
	if (current === null || listed.some((p) => p.id === current)) return listed;
	return [...listed, ...(await speakers(ctx, session, current))];
}

/** Whether the person may be named as the session's internal speaker (however long the list). */
export async function isSpeakerChoice(
	ctx: Pick<Ctx, 'db'>,
	session: SessionRow,
	personId: number
): Promise<boolean> {
	return (await speakers(ctx, session, personId)).length > 0;
}
