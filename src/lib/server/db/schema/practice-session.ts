import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { OptionOrders, Response } from '@xuefa/core';
import { PRACTICE_MODES } from './bank.ts';
import { person } from './org.ts';

/** What a practice set was drawn from, for its heading and the summary. */
export interface PracticeSource {
	by: 'law' | 'topic' | 'bank' | 'review' | 'mistakes' | 'lesson';
	/** The law's short title, the topic, the bank or lesson id (as text); empty for review and mistakes. */
	value: string;
	/** What to show: the law, topic, bank or lesson name. */
	label: string;
}

/**
 * One question of a set: the version drawn and, for choice questions, the option order shown
 * (shuffled per set from its seed; absent in sets started before options were shuffled).
 */
export interface PracticeItem extends OptionOrders {
	questionId: number;
	version: number;
}

/** An answer that waits for the learner's own assessment (essays are not graded automatically). */
export interface PendingAnswer {
	response: Response;
	/** Milliseconds taken, measured on the server when the answer was submitted. */
	timeMs: number;
}

/**
 * A practice set (练习) in progress: the exact question versions drawn, where the learner is, and when
 * the current question was issued. Kept in the database so that a set survives a reload, works
 * across app processes and without JavaScript, and so that answer times are measured from a
 * server-side timestamp the browser cannot change.
 */
export const practiceSession = sqliteTable(
	'practice_session',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		personId: integer()
			.notNull()
			.references(() => person.id),
		mode: text({ enum: PRACTICE_MODES }).notNull(),
		source: text({ mode: 'json' }).notNull().$type<PracticeSource>(),
		/** The versions drawn, in order: an edit made while the set is open does not change them. */
		items: text({ mode: 'json' }).notNull().$type<PracticeItem[]>(),
		/** Per position, the `practice_answer` id once answered (null before). */
		answerIds: text({ mode: 'json' }).notNull().$type<(number | null)[]>(),
		/** The current question (0-based); equal to the number of items when the set is done. */
		position: integer().notNull().default(0),
		/** When the current question was issued: the time taken is measured from here. */
		shownAt: integer({ mode: 'timestamp_ms' }).notNull(),
		/** An essay answer awaiting self-assessment. */
		pending: text({ mode: 'json' }).$type<PendingAnswer | null>(),
		/** The seed of the draw (from node:crypto), so that a draw can be reproduced. */
		seed: text().notNull(),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	// a learner's recent sets
	(t) => [index('practice_session_person_idx').on(t.personId, t.createdAt)]
);
