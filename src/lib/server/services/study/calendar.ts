import { type SQL, and, asc, count, eq, gte, isNotNull, lte, or } from 'drizzle-orm';
import { canAnywhere, inScope } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import { studySession, studyTeam, studyTeamMember, unit } from '../../db/schema/index.ts';
import { ForbiddenError } from '../../errors.ts';

/** What a calendar shows of a session. */
export const calendarColumns = {
	id: studySession.id,
	date: studySession.date,
	startTime: studySession.startTime,
	durationMinutes: studySession.durationMinutes,
	topic: studySession.topic,
	form: studySession.form,
	location: studySession.location,
	status: studySession.status,
	note: studySession.note,
	sequence: studySession.sequence,
	speakerName: studySession.speakerName,
	teamName: studyTeam.name,
	unitName: unit.name
};

type Who = { personId: number | null; unitWhere?: ReturnType<typeof inScope> };

/** Sessions dated between two days (inclusive). */
export const datedBetween = (from: string, to: string) =>
	and(gte(studySession.date, from), lte(studySession.date, to));

/**
 * Sessions that `which` selects (dates, a plan, a schedule) of the given teams' members or of a
 * unit subtree, with the columns asked for; `after` narrows further (an export's next page).
 */
function sessionsSelect(db: ReadDb, which: SQL | undefined, who: Who, after?: SQL) {
	return db
		.select(calendarColumns)
		.from(studySession)
		.innerJoin(studyTeam, eq(studyTeam.id, studySession.teamId))
		.innerJoin(unit, eq(unit.id, studySession.unitId))
		.leftJoin(
			studyTeamMember,
			and(
				eq(studyTeamMember.teamId, studySession.teamId),
				eq(studyTeamMember.personId, who.personId ?? -1)
			)
		)
		.where(and(which, or(isNotNull(studyTeamMember.personId), who.unitWhere), after));
}

const inDateOrder = [asc(studySession.date), asc(studySession.startTime), asc(studySession.id)];

/** Sessions between two dates (inclusive) of the given teams' members or of a unit subtree. */
export function sessionsQuery(db: ReadDb, from: string, to: string, who: Who, after?: SQL) {
	return sessionsSelect(db, datedBetween(from, to), who, after).orderBy(...inDateOrder);
}

/**
 * The sessions a user sees of those `which` selects, in date order: their own (as a member of the
 * team) and, for organisers, HR and administrators, every session of the units in their scope.
 */
export function visibleSessions(ctx: Ctx, which: SQL | undefined, after?: SQL) {
	return sessionsSelect(ctx.db, which, visibleTo(ctx), after).orderBy(...inDateOrder);
}

/** How many sessions {@link visibleSessions} gives. */
export async function countVisibleSessions(ctx: Ctx, which: SQL | undefined) {
	const [row] = await ctx.db
		.select({ n: count() })
		.from(sessionsSelect(ctx.db, which, visibleTo(ctx)).as('s'));
	return row?.n ?? 0;
}

function visibleTo(ctx: Ctx): Who {
	if (!canAnywhere(ctx.user, 'study.attend') && !canAnywhere(ctx.user, 'study.read'))
		throw new ForbiddenError();
	return {
		personId: ctx.user.personId,
		unitWhere: canAnywhere(ctx.user, 'study.read')
			? inScope(ctx.user, 'study.read', unit.path)
			: undefined
	};
}
