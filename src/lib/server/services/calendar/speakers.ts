/**
 * The sessions a holiday-calendar save moved or cancelled that have a speaker. The app sends no
 * notifications, so the administrator who saved is shown them by name: a lawyer booked for a
 * Monday that became a holiday has to hear it from someone.
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { authorizeAnywhere, inScope } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import { person, studySession, studyTeam, unit } from '../../db/schema/index.ts';

/** The most a save result names; more than this many talks moved by one calendar is not expected. */
export const SPEAKERS_SHOWN_MAX = 100;

/** Of the sessions `ids`, the ones with a speaker (internal or outside), by id. */
export async function withSpeaker(db: ReadDb, ids: readonly number[]): Promise<number[]> {
	if (ids.length === 0) return [];
	const rows = await db
		.select({ id: studySession.id })
		.from(studySession)
		.where(and(inArray(studySession.id, [...ids]), isNotNull(studySession.speakerKind)))
		.orderBy(asc(studySession.date), asc(studySession.startTime));
	return rows.map((r) => r.id);
}

/**
 * The sessions `ids` that have a speaker, within the user's study scope, as the save result lists
 * them: when and what, the team and unit, the speaker's name and title, and the state it is in now.
 */
export async function speakerSessions(ctx: Ctx, ids: readonly number[]) {
	authorizeAnywhere(ctx, 'calendar.manage');
	const asked = ids.slice(0, SPEAKERS_SHOWN_MAX);
	if (asked.length === 0) return [];
	const rows = await ctx.db
		.select({
			id: studySession.id,
			date: studySession.date,
			slot: studySession.slot,
			startTime: studySession.startTime,
			topic: studySession.topic,
			status: studySession.status,
			speakerName: studySession.speakerName,
			speakerTitle: studySession.speakerTitle,
			personName: person.name,
			teamName: studyTeam.name,
			unitName: unit.name
		})
		.from(studySession)
		.innerJoin(unit, eq(unit.id, studySession.unitId))
		.innerJoin(studyTeam, eq(studyTeam.id, studySession.teamId))
		.leftJoin(person, eq(person.id, studySession.speakerPersonId))
		.where(
			and(
				inArray(studySession.id, asked),
				isNotNull(studySession.speakerKind),
				inScope(ctx.user, 'study.read', unit.path)
			)
		)
		.orderBy(asc(studySession.date), asc(studySession.startTime));
	return rows.map(({ personName, speakerName, ...r }) => ({
		...r,
		speaker: personName ?? speakerName
	}));
}
