import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { type CasePart, LESSON_KINDS, LESSON_STATUSES } from '../../../schemas/lesson-enums.ts';
import { user } from './auth.ts';
import { question } from './bank.ts';
import { unit } from './org.ts';
import { studySession } from './study.ts';

/**
 * A lesson (学法课件) or a case lesson (以案释法) written by a unit's organisers. A lesson's text is
 * `body`; a case lesson's is `parts`, one Markdown text per part. Citations are `[[…]]` markers in
 * the text (the core's lessonCitations), resolved when the lesson is shown.
 */
export const lesson = sqliteTable(
	'lesson',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		unitId: integer()
			.notNull()
			.references(() => unit.id),
		kind: text({ enum: LESSON_KINDS }).notNull(),
		title: text().notNull(),
		summary: text().notNull().default(''),
		body: text().notNull().default(''),
		parts: text({ mode: 'json' }).notNull().$type<Partial<Record<CasePart, string>>>(),
		status: text({ enum: LESSON_STATUSES }).notNull().default('draft'),
		publishedAt: integer({ mode: 'timestamp_ms' }),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		createdBy: integer().references(() => user.id),
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	// lessons of the units in scope (and above), newest first
	(t) => [index('lesson_unit_idx').on(t.unitId, t.updatedAt)]
);

/** The bank questions a lesson offers to practise, in the author's order. */
export const lessonQuestion = sqliteTable(
	'lesson_question',
	{
		lessonId: integer()
			.notNull()
			.references(() => lesson.id, { onDelete: 'cascade' }),
		questionId: integer()
			.notNull()
			.references(() => question.id),
		position: integer().notNull()
	},
	(t) => [primaryKey({ columns: [t.lessonId, t.questionId] })]
);

/** The lessons and case lessons a session studies (the organiser picks them on the session page). */
export const studySessionLesson = sqliteTable(
	'study_session_lesson',
	{
		sessionId: integer()
			.notNull()
			.references(() => studySession.id, { onDelete: 'cascade' }),
		lessonId: integer()
			.notNull()
			.references(() => lesson.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.sessionId, t.lessonId] }),
		// a lesson's sessions (a member of their team may read it)
		index('study_session_lesson_lesson_idx').on(t.lessonId)
	]
);
