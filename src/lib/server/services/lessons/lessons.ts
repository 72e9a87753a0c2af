/**
 * Lessons (学法课件) and case lessons (以案释法): Markdown written by a unit's organisers, citing
 * statute articles with `[[…]]` markers, offering bank questions to practise, drafted then
 * published to the unit and the units below it.
 */
import { and, asc, count, desc, eq, inArray, or } from 'drizzle-orm';
import { citedRefs } from '@xuefa/core';
import type { LessonInput, SaveLessonInput } from '$lib/schemas/lessons.ts';
import { CASE_PARTS, type CasePart } from '$lib/schemas/lesson-enums.ts';
import { can, canAnywhere, inScope } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import {
	lesson,
	lessonQuestion,
	question,
	questionBank,
	studySession,
	studySessionLesson,
	studyTeam,
	studyTeamMember,
	unit
} from '../../db/schema/index.ts';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../errors.ts';
import { missingArticleText, missingArticles } from '../laws/citations.ts';
import { appendAudit } from '../audit/append.ts';
import {
	type LessonRow,
	lessonUnitIds,
	teamSessionLessonIds,
	loadManagedLesson,
	loadReadableLesson
} from './access.ts';
import { renderLessonText } from './render.ts';

/** Every text of a lesson: the body of a lesson, the parts of a case lesson. */
function textsOf(l: { kind: string; body: string; parts: Partial<Record<CasePart, string>> }) {
	return l.kind === 'case' ? CASE_PARTS.map((p) => l.parts[p] ?? '') : [l.body];
}

/** The lesson's citations of articles the library lacks, as warnings in the reader's language. */
export async function citationWarnings(
	ctx: Pick<Ctx, 'db'>,
	l: Parameters<typeof textsOf>[0]
): Promise<string[]> {
	return (await missingArticles(ctx, citedRefs(textsOf(l)))).map(missingArticleText);
}

const listColumns = {
	id: lesson.id,
	kind: lesson.kind,
	title: lesson.title,
	summary: lesson.summary,
	status: lesson.status,
	publishedAt: lesson.publishedAt,
	updatedAt: lesson.updatedAt,
	unitName: unit.name
};

/** Lessons a page of the list shows: a district writes hundreds over the years. */
export const LESSONS_PAGE_SIZE = 30;

/**
 * The lessons page (page 1 unless given; past the last, the last): the published lessons that
 * apply to the user (their units' and those above, the units whose study they read, their teams'
 * sessions'), and for organisers their units' drafts too, newest first, with how many there are
 * and the units they may write for.
 */
export async function listLessons(ctx: Ctx, page = 1) {
	const personId = ctx.user.personId;
	const mySessions = personId === null ? undefined : teamSessionLessonIds(ctx, personId);
	const published = and(
		eq(lesson.status, 'published'),
		or(
			inArray(lesson.unitId, lessonUnitIds(ctx.user)),
			inScope(ctx.user, 'study.read', unit.path),
			mySessions ? inArray(lesson.id, mySessions) : undefined
		)
	);
	const visible = or(published, inScope(ctx.user, 'study.manage', unit.path));
	const [counted] = await ctx.db
		.select({ n: count() })
		.from(lesson)
		.innerJoin(unit, eq(unit.id, lesson.unitId))
		.where(visible);
	const total = counted?.n ?? 0;
	const shown = Math.min(Math.max(1, page), Math.max(1, Math.ceil(total / LESSONS_PAGE_SIZE)));
	const lessons = await ctx.db
		.select(listColumns)
		.from(lesson)
		.innerJoin(unit, eq(unit.id, lesson.unitId))
		.where(visible)
		.orderBy(desc(lesson.updatedAt), desc(lesson.id))
		.limit(LESSONS_PAGE_SIZE)
		.offset((shown - 1) * LESSONS_PAGE_SIZE);
	return {
		lessons,
		page: shown,
		pageSize: LESSONS_PAGE_SIZE,
		total,
		units: await lessonWritingUnits(ctx)
	};
}

/** The units the user may write lessons for (none for a reader). */
export async function lessonWritingUnits(ctx: Ctx) {
	return canAnywhere(ctx.user, 'study.manage')
		? await ctx.db
				.select({ id: unit.id, name: unit.name })
				.from(unit)
				.where(inScope(ctx.user, 'study.manage', unit.path))
				.orderBy(asc(unit.path))
		: [];
}

/** The sessions of the user's reach that study a lesson (organisers see all in their scope). */
async function sessionsOf(ctx: Ctx, lessonId: number) {
	const rows = await ctx.db
		.select({
			id: studySession.id,
			date: studySession.date,
			topic: studySession.topic,
			teamId: studySession.teamId,
			teamName: studyTeam.name,
			unitPath: unit.path
		})
		.from(studySessionLesson)
		.innerJoin(studySession, eq(studySession.id, studySessionLesson.sessionId))
		.innerJoin(studyTeam, eq(studyTeam.id, studySession.teamId))
		.innerJoin(unit, eq(unit.id, studySession.unitId))
		.where(eq(studySessionLesson.lessonId, lessonId))
		.orderBy(asc(studySession.date));
	const myTeams =
		ctx.user.personId === null
			? []
			: (
					await ctx.db
						.select({ id: studyTeamMember.teamId })
						.from(studyTeamMember)
						.where(eq(studyTeamMember.personId, ctx.user.personId))
				).map((r) => r.id);
	return rows
		.filter((r) => can(ctx.user, 'study.read', r.unitPath) || myTeams.includes(r.teamId))
		.map(({ unitPath: _, teamId: __, ...r }) => r);
}

const questionIdsOf = async (ctx: Ctx, lessonId: number) =>
	(
		await ctx.db
			.select({ id: lessonQuestion.questionId })
			.from(lessonQuestion)
			.where(eq(lessonQuestion.lessonId, lessonId))
			.orderBy(asc(lessonQuestion.position))
	).map((r) => r.id);

/** The reading page: the lesson's text (or parts) with citation links, its questions and sessions. */
export async function getLesson(ctx: Ctx, lessonId: number) {
	const { lesson: l, manage } = await loadReadableLesson(ctx, lessonId);
	const questionIds = await questionIdsOf(ctx, l.id);
	return {
		lesson: l,
		manage,
		bodyHtml: l.kind === 'lesson' ? renderLessonText(l.body) : '',
		parts:
			l.kind === 'case'
				? CASE_PARTS.map((p) => ({ part: p, html: renderLessonText(l.parts[p] ?? '') })).filter(
						(p) => p.html
					)
				: [],
		questionCount: questionIds.length,
		sessions: await sessionsOf(ctx, l.id),
		warnings: manage ? await citationWarnings(ctx, l) : []
	};
}

/** The editor: the lesson as typed, its question ids and its citation warnings. */
export async function getLessonForEdit(ctx: Ctx, lessonId: number) {
	const l = await loadManagedLesson(ctx, lessonId);
	return {
		lesson: l,
		questionIds: await questionIdsOf(ctx, l.id),
		warnings: await citationWarnings(ctx, l)
	};
}

/**
 * The questions must be ready ones of banks that everyone below the lesson's unit practises: banks
 * of that unit or of a unit above it, not archived. Names the ids that are not.
 */
async function checkQuestions(ctx: Ctx, unitPath: string, ids: number[]) {
	if (ids.length === 0) return;
	const above = unitPath.split('/').filter(Boolean).map(Number);
	const ok = await ctx.db
		.select({ id: question.id })
		.from(question)
		.innerJoin(questionBank, eq(questionBank.id, question.bankId))
		.where(
			and(
				inArray(question.id, ids),
				inArray(questionBank.unitId, above),
				eq(questionBank.archived, false),
				eq(question.status, 'ready')
			)
		);
	const found = new Set(ok.map((r) => r.id));
	const bad = ids.filter((i) => !found.has(i));
	if (bad.length > 0)
		throw new InvalidInputError(
			{ questionIds: ['err_lesson_question_not_practisable'] },
			'err_lesson_question_unavailable',
			{ ids: bad.join(', ') }
		);
}

/** Where a new lesson goes: a unit the user manages. */
async function managedUnit(ctx: Ctx, unitId: number) {
	const [u] = await ctx.db
		.select({ id: unit.id, path: unit.path })
		.from(unit)
		.where(eq(unit.id, unitId));
	if (!u) throw canAnywhere(ctx.user, 'study.manage') ? new NotFoundError() : new ForbiddenError();
	if (!can(ctx.user, 'study.manage', u.path)) throw new ForbiddenError();
	return u;
}

/**
 * Creates or updates a lesson in one transaction (its questions replaced with the ones given) and
 * returns its id and the warnings about citations of articles the library lacks: those are saved
 * all the same (the article may be imported later), as the question editor does.
 */
export async function saveLesson(
	ctx: Ctx,
	input: SaveLessonInput
): Promise<{ id: number; warnings: string[] }> {
	const existing: LessonRow | undefined =
		input.lessonId === undefined ? undefined : await loadManagedLesson(ctx, input.lessonId);
	const target = existing
		? { id: existing.unitId, path: existing.unitPath }
		: await managedUnit(ctx, input.unitId!);
	// a lesson keeps its kind: the other kind's texts would be lost
	const kind = existing?.kind ?? input.kind;
	await checkQuestions(ctx, target.path, input.questionIds);
	const parts: Partial<Record<CasePart, string>> = {};
	if (kind === 'case')
		for (const p of CASE_PARTS) if (input[`part_${p}`]) parts[p] = input[`part_${p}`];
	const facts = {
		title: input.title,
		summary: input.summary,
		body: kind === 'lesson' ? input.body : '',
		parts,
		status: input.status
	};
	const id = await transact(ctx, async (tx) => {
		const publishedAt = input.status === 'published' ? (existing?.publishedAt ?? tx.now) : null;
		let lessonId: number;
		if (existing) {
			await tx.db
				.update(lesson)
				.set({ ...facts, publishedAt, updatedAt: tx.now })
				.where(eq(lesson.id, existing.id));
			await tx.db.delete(lessonQuestion).where(eq(lessonQuestion.lessonId, existing.id));
			lessonId = existing.id;
		} else {
			const [row] = await tx.db
				.insert(lesson)
				.values({
					...facts,
					kind,
					unitId: target.id,
					publishedAt,
					createdAt: tx.now,
					createdBy: tx.user.id,
					updatedAt: tx.now
				})
				.returning({ id: lesson.id });
			lessonId = row!.id;
		}
		if (input.questionIds.length > 0)
			await tx.db
				.insert(lessonQuestion)
				.values(
					input.questionIds.map((questionId, position) => ({ lessonId, questionId, position }))
				);
		await appendAudit(tx, {
			action: existing ? 'lesson.updated' : 'lesson.created',
			entityType: 'lesson',
			entityId: lessonId,
			unitId: target.id,
			before: existing ? { title: existing.title, status: existing.status } : undefined,
			after: { title: facts.title, kind, status: facts.status, questions: input.questionIds }
		});
		return lessonId;
	});
	return { id, warnings: await citationWarnings(ctx, { kind, body: facts.body, parts }) };
}

export async function deleteLesson(ctx: Ctx, input: LessonInput): Promise<void> {
	const l = await loadManagedLesson(ctx, input.lessonId);
	await transact(ctx, async (tx) => {
		await tx.db.delete(lesson).where(eq(lesson.id, l.id));
		await appendAudit(tx, {
			action: 'lesson.deleted',
			entityType: 'lesson',
			entityId: l.id,
			unitId: l.unitId,
			before: { title: l.title, kind: l.kind, status: l.status }
		});
	});
}
