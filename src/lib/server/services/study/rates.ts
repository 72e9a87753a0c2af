import { and, eq, gte, inArray, lte, ne } from 'drizzle-orm';
import { attendanceRates, countsAsHeld } from '@xuefa/core';
import type { ReadDb } from '../../db/index.ts';
import { person, studyAttendance, studySession } from '../../db/schema/index.ts';
import { coreSession } from './core-shapes.ts';
import { studyPolicy } from './policy.ts';

/**
 * Attendance rates of a team's sessions held in a year, per person and overall: the core's
 * attendanceRates (late counts as attended; leave stays in the denominator). `held` counts the
 * sessions that took place, `short` those of them whose talk ran under the minimum (they do not
 * count as held in the plan, the oversight figures or credits: the core's countsAsHeld).
 */
export async function teamRates(db: ReadDb, teamId: number, year: number) {
	const sessions = await db
		.select()
		.from(studySession)
		.where(
			and(
				eq(studySession.teamId, teamId),
				ne(studySession.status, 'planned'),
				gte(studySession.date, `${year}-01-01`),
				lte(studySession.date, `${year}-12-31`)
			)
		);
	const marks = sessions.length
		? await db
				.select({
					sessionId: studyAttendance.sessionId,
					personId: studyAttendance.personId,
					status: studyAttendance.status,
					reason: studyAttendance.reason,
					unitId: person.unitId
				})
				.from(studyAttendance)
				.innerJoin(person, eq(person.id, studyAttendance.personId))
				.where(
					inArray(
						studyAttendance.sessionId,
						sessions.map((s) => s.id)
					)
				)
		: [];
	const unitOf = new Map(marks.map((a) => [a.personId, a.unitId]));
	const core = sessions.flatMap(
		(s) =>
			coreSession(
				s,
				marks.filter((a) => a.sessionId === s.id),
				(p) => unitOf.get(p) ?? 0
			) ?? []
	);
	const { minLectureMinutes } = await studyPolicy(db);
	const held = core.filter((s) => s.status === 'held');
	return {
		held: held.length,
		short: held.filter((s) => !countsAsHeld(s, { minLectureMinutes })).length,
		...attendanceRates(core)
	};
}
