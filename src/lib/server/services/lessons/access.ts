import { and, eq } from 'drizzle-orm';
import { can } from '../../authz/index.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import type { Ctx } from '../../context.ts';
import {
	lesson,
	studySession,
	studySessionLesson,
	studyTeamMember,
	unit
} from '../../db/schema/index.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { canAnywhere } from '../../authz/index.ts';

/**
 * The units whose published lessons apply to the user: each unit the user has a role on and every
 * unit above it (a district's lessons are for everyone in the district, never a sibling's).
 */
export function lessonUnitIds(user: SessionUser): number[] {
	const ids = new Set<number>();
	for (const g of user.grants)
		for (const part of g.unitPath.split('/')) if (part) ids.add(Number(part));
	return [...ids];
}

export type LessonRow = typeof lesson.$inferSelect & { unitPath: string; unitName: string };

async function lessonRow(ctx: Ctx, lessonId: number): Promise<LessonRow | undefined> {
	const [row] = await ctx.db
		.select({ lesson, unitPath: unit.path, unitName: unit.name })
		.from(lesson)
		.innerJoin(unit, eq(unit.id, lesson.unitId))
		.where(eq(lesson.id, lessonId));
	return row ? { ...row.lesson, unitPath: row.unitPath, unitName: row.unitName } : undefined;
}

/** The lessons studied by sessions of the person's teams (a subquery of lesson ids). */
export function teamSessionLessonIds(ctx: Ctx, personId: number) {
	return ctx.db
		.select({ id: studySessionLesson.lessonId })
		.from(studySessionLesson)
		.innerJoin(studySession, eq(studySession.id, studySessionLesson.sessionId))
		.innerJoin(
			studyTeamMember,
			and(eq(studyTeamMember.teamId, studySession.teamId), eq(studyTeamMember.personId, personId))
		);
}

/** Whether the user is in the team of a session that studies the lesson. */
async function studiesInSession(ctx: Ctx, lessonId: number): Promise<boolean> {
	if (ctx.user.personId === null) return false;
	const [row] = await teamSessionLessonIds(ctx, ctx.user.personId)
		.where(eq(studySessionLesson.lessonId, lessonId))
		.limit(1);
	return row !== undefined;
}

/**
 * A lesson the user may read: its unit's organisers (and above) always; anyone else once it is
 * published, if it is their unit's or a unit's above theirs, if they read their units' study, or
 * if a session of their team studies it. Ids cannot be probed: a missing lesson and one out of
 * reach answer alike, except to managers.
 */
export async function loadReadableLesson(ctx: Ctx, lessonId: number) {
	const row = await lessonRow(ctx, lessonId);
	if (row && can(ctx.user, 'study.manage', row.unitPath)) return { lesson: row, manage: true };
	if (
		row &&
		row.status === 'published' &&
		(lessonUnitIds(ctx.user).includes(row.unitId) ||
			can(ctx.user, 'study.read', row.unitPath) ||
			(await studiesInSession(ctx, row.id)))
	)
		return { lesson: row, manage: false };
	throw !row && canAnywhere(ctx.user, 'study.manage') ? new NotFoundError() : new ForbiddenError();
}

/** A lesson the user manages (`study.manage` on its unit). */
export async function loadManagedLesson(ctx: Ctx, lessonId: number): Promise<LessonRow> {
	const { lesson: row, manage } = await loadReadableLesson(ctx, lessonId);
	if (!manage) throw new ForbiddenError();
	return row;
}
