import { sql } from 'drizzle-orm';
import {
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import type { OptionOrders, QuestionVersion } from '@xuefa/core';
import { QUESTION_STATUSES, QUESTION_TYPES } from '../../../schemas/enums.ts';
import { user } from './auth.ts';
import { unit } from './org.ts';

/** 题库: owned by a unit; organisers of the unit (and above) edit it. */
export const questionBank = sqliteTable(
	'question_bank',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		unitId: integer()
			.notNull()
			.references(() => unit.id),
		name: text().notNull(),
		description: text().notNull().default(''),
		archived: integer({ mode: 'boolean' }).notNull().default(false),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		createdBy: integer().references(() => user.id),
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull(),
		/**
		 * Counts every change to the bank's questions (added, edited, readied, retired, deleted),
		 * kept by triggers on `question` (migration 0034), so that whatever writes a question, in
		 * whichever process, moves it: papers drawn ahead check it at start instead of reading
		 * the whole bank (services/exams/questions.ts `bankStamp`).
		 */
		revision: integer().notNull().default(0)
	},
	(t) => [index('question_bank_unit_idx').on(t.unitId)]
);

/**
 * A question's identity and the searchable facts of its current version (denormalised for
 * filters). Its content lives in `question_version`, which is never updated.
 */
export const question = sqliteTable(
	'question',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		bankId: integer()
			.notNull()
			.references(() => questionBank.id),
		/** The 编号 of an imported row or GIFT title: re-importing the same file updates, never duplicates. */
		externalId: text(),
		currentVersion: integer().notNull(),
		type: text({ enum: QUESTION_TYPES }).notNull(),
		difficulty: integer().notNull(),
		topic: text().notNull().default(''),
		/** Plain text of the stem, for lists. */
		stemText: text().notNull(),
		/**
		 * 草稿 draft until an organiser has reviewed it, then ready: only ready questions reach
		 * practice and papers. Retired ones are kept with their versions and drawn no more.
		 */
		status: text({ enum: QUESTION_STATUSES }).notNull().default('draft'),
		/** Set when a statute it cites was amended: `{ law, articles: number[], versionId }`. */
		reviewFlag: text({ mode: 'json' }).$type<{
			law: string;
			articles: number[];
			versionId: number;
		} | null>(),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		// filters within a bank
		index('question_bank_type_idx').on(t.bankId, t.type, t.difficulty),
		// the bank's figures (counts by status and type) and its list, newest change first (with the
		// status, so that a search walks the list without reading rows it does not show)
		index('question_bank_status_idx').on(t.bankId, t.status, t.type),
		index('question_bank_updated_idx').on(t.bankId, t.updatedAt, t.id, t.status),
		// the few questions flagged after an amendment
		index('question_flagged_idx')
			.on(t.bankId)
			.where(sql`${t.reviewFlag} IS NOT NULL`),
		// practice by topic, and the topics of the banks in a learner's scope
		index('question_topic_idx').on(t.bankId, t.status, t.topic),
		uniqueIndex('question_external_idx').on(t.bankId, t.externalId),
		// the ready bank's stamp, read at every exam start (services/exams/questions.ts): answered
		// from this index alone, without reading the rows
		index('question_ready_stamp_idx').on(t.bankId, t.status, t.currentVersion, t.updatedAt)
	]
);

/** Every version ever saved; a paper or a practice answer refers to (questionId, version). */
export const questionVersion = sqliteTable(
	'question_version',
	{
		questionId: integer()
			.notNull()
			.references(() => question.id),
		version: integer().notNull(),
		/** The core `QuestionVersion`, with `id` = String(questionId). */
		data: text({ mode: 'json' }).notNull().$type<QuestionVersion>(),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		createdBy: integer().references(() => user.id)
	},
	(t) => [primaryKey({ columns: [t.questionId, t.version] })]
);

/** The statute articles the current version cites, for filters and amendment flags. */
export const questionLawRef = sqliteTable(
	'question_law_ref',
	{
		questionId: integer()
			.notNull()
			.references(() => question.id, { onDelete: 'cascade' }),
		/** The law's short title (行政处罚法), as in `law.shortTitle`. */
		law: text().notNull(),
		/** 0 when the question cites the whole law. */
		articleNo: integer().notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.questionId, t.law, t.articleNo] }),
		// "questions citing 行政处罚法 (第四十二条)": the amendment flagging, filters and practice by
		// law, answered from the index alone
		index('question_law_ref_law_idx').on(t.law, t.articleNo, t.questionId)
	]
);

export const questionTag = sqliteTable(
	'question_tag',
	{
		questionId: integer()
			.notNull()
			.references(() => question.id, { onDelete: 'cascade' }),
		tag: text().notNull()
	},
	(t) => [primaryKey({ columns: [t.questionId, t.tag] }), index('question_tag_idx').on(t.tag)]
);

/**
 * Questions whose search text is to be written again (services/questions/reindex.ts): filled by a
 * migration when the way search text is made changes, emptied a few at a time in the background.
 */
export const questionSearchQueue = sqliteTable('question_search_queue', {
	questionId: integer()
		.primaryKey()
		.references(() => question.id, { onDelete: 'cascade' })
});

export const PRACTICE_MODES = ['practice', 'review', 'mistakes'] as const;
export const PRACTICE_OUTCOMES = ['right', 'partly', 'wrong'] as const;

/** One learner's spaced-repetition card for one question (ts-fsrs state as JSON). */
export const practiceCard = sqliteTable(
	'practice_card',
	{
		personId: integer().notNull(),
		questionId: integer()
			.notNull()
			.references(() => question.id),
		/** The core `CardState`. */
		card: text({ mode: 'json' }).notNull(),
		due: integer({ mode: 'timestamp_ms' }).notNull(),
		/** In the 错题本 since a wrong answer, until answered right often enough in later reviews. */
		inMistakeBook: integer({ mode: 'boolean' }).notNull().default(false),
		/** Right answers in a row since it entered the mistake book. */
		mistakeStreak: integer().notNull().default(0),
		lastAnsweredAt: integer({ mode: 'timestamp_ms' })
	},
	(t) => [
		primaryKey({ columns: [t.personId, t.questionId] }),
		// today's review queue
		index('practice_card_due_idx').on(t.personId, t.due),
		// the mistake book
		index('practice_card_mistake_idx').on(t.personId, t.inMistakeBook)
	]
);

/** Where a question stood for the learner right after an answer: what its feedback page shows. */
export interface PracticeAfter {
	/** When it comes back for review (epoch ms). */
	due: number;
	inMistakeBook: boolean;
	/** Right answers in a row toward leaving the mistake book. */
	mistakeStreak: number;
	/** The rule then: right answers in a row that clear a mistake. */
	clearAfter: number;
	/** This answer took it out of the mistake book. */
	cleared: boolean;
}

/** Every practice answer as given: the evidence for study credits and statistics. */
export const practiceAnswer = sqliteTable(
	'practice_answer',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		personId: integer().notNull(),
		/** The set it was given in (its feedback page lives there); null only for lost old sets. */
		sessionId: integer(),
		questionId: integer()
			.notNull()
			.references(() => question.id),
		version: integer().notNull(),
		mode: text({ enum: PRACTICE_MODES }).notNull(),
		/** As given: choices are the labels the learner saw, in the order of `optionOrders`. */
		response: text({ mode: 'json' }).notNull(),
		/** The option order shown (option ids), so the response reads the same for ever. */
		optionOrders: text({ mode: 'json' }).$type<OptionOrders>(),
		/** Score as a fraction in [0, 1]. */
		fraction: real().notNull(),
		outcome: text({ enum: PRACTICE_OUTCOMES }).notNull(),
		timeMs: integer().notNull(),
		answeredAt: integer({ mode: 'timestamp_ms' }).notNull(),
		/** The card and mistake-book state this answer left (null for answers before it was kept). */
		after: text({ mode: 'json' }).$type<PracticeAfter>()
	},
	(t) => [
		// a learner's history and the day's progress
		index('practice_answer_person_idx').on(t.personId, t.answeredAt),
		// the mistake book's link to the last wrong answer of each question
		index('practice_answer_question_idx').on(t.personId, t.questionId)
	]
);

/**
 * What an organiser said a spreadsheet column of another platform is (出题人 → ignored, 考查内容
 * → 题干), remembered per bank so that the next file with the same layout is not asked about.
 */
export const bankImportColumn = sqliteTable(
	'bank_import_column',
	{
		bankId: integer()
			.notNull()
			.references(() => questionBank.id, { onDelete: 'cascade' }),
		header: text().notNull(),
		/** A row-format field (题干, 答案 …), or '' to ignore the column. */
		field: text().notNull()
	},
	(t) => [primaryKey({ columns: [t.bankId, t.header] })]
);
