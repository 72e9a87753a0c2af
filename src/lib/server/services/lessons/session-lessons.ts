/** The lessons a session studies: shown on the session page, picked by its organisers. */
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { SessionLessonsInput } from '$lib/schemas/lessons.ts';
import { inScope } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import { lesson, studySessionLesson, unit } from '../../db/schema/index.ts';
import { InvalidInputError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { loadSession, loadVisibleSession } from '../study/access.ts';

const columns = { id: lesson.id, kind: lesson.kind, title: lesson.title, status: lesson.status };

/**
 * What a session's organiser may link: published lessons of the session's unit or a unit above
 * it (they apply to its people), and published lessons of the units the organiser manages.
 */
const linkable = (ctx: Ctx, sessionUnitPath: string) =>
	and(
		eq(lesson.status, 'published'),
		or(
			inArray(lesson.unitId, sessionUnitPath.split('/').filter(Boolean).map(Number)),
			inScope(ctx.user, 'study.manage', unit.path)
		)
	);

/** A session's lessons; for its managers also the lessons they may link. */
export async function sessionLessons(ctx: Ctx, sessionId: number) {
	const { session, manage } = await loadVisibleSession(ctx, sessionId);
	const linked = await ctx.db
		.select(columns)
		.from(studySessionLesson)
		.innerJoin(lesson, eq(lesson.id, studySessionLesson.lessonId))
		.where(eq(studySessionLesson.sessionId, session.id))
		.orderBy(asc(lesson.kind), asc(lesson.title));
	const choices = manage
		? await ctx.db
				.select(columns)
				.from(lesson)
				.innerJoin(unit, eq(unit.id, lesson.unitId))
				.where(linkable(ctx, session.unitPath))
				.orderBy(asc(lesson.kind), asc(lesson.title))
				.limit(300)
		: [];
	return { linked, choices };
}

/** Replaces a session's lessons with the ones checked; every one must be linkable. */
export async function setSessionLessons(ctx: Ctx, input: SessionLessonsInput): Promise<void> {
	const session = await loadSession(ctx, input.sessionId, 'study.manage');
	const ids = [...new Set(input.lessonIds)];
	const ok = ids.length
		? await ctx.db
				.select({ id: lesson.id })
				.from(lesson)
				.innerJoin(unit, eq(unit.id, lesson.unitId))
				.where(and(inArray(lesson.id, ids), linkable(ctx, session.unitPath)))
		: [];
	if (ok.length !== ids.length)
		throw new InvalidInputError(
			{ lessonIds: ['err_lesson_not_linkable'] },
			'err_lesson_not_linkable'
		);
	await transact(ctx, async (tx) => {
		await tx.db.delete(studySessionLesson).where(eq(studySessionLesson.sessionId, session.id));
		if (ids.length)
			await tx.db
				.insert(studySessionLesson)
				.values(ids.map((lessonId) => ({ sessionId: session.id, lessonId })));
		await appendAudit(tx, {
			action: 'study_session.lessons_set',
			entityType: 'study_session',
			entityId: session.id,
			unitId: session.unitId,
			after: { lessonIds: ids }
		});
	});
}
