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
import type {
	AttemptGrade,
	Blueprint,
	GradingPolicy,
	Paper,
	Response,
	ScoreBand
} from '@xuefa/core';
import {
	ATTEMPT_STATES,
	CERTIFICATE_EVENT_KINDS,
	CERTIFICATE_PARTS,
	EXAM_KINDS,
	EXAM_STATUSES,
	FOCUS_EVENT_KINDS,
	PAPER_KINDS,
	RETAKE_COUNTS,
	REVIEW_WHEN
} from '../../../schemas/exam-enums.ts';
import { RANKS } from '../../../schemas/enums.ts';
import type { AnswerShapes } from '$lib/exams/answer-shape.ts';
import type { PaperView } from '$lib/exams/paper-view.ts';
import { user } from './auth.ts';
import { person, unit } from './org.ts';

export { ATTEMPT_STATES, EXAM_KINDS, EXAM_STATUSES, PAPER_KINDS, RETAKE_COUNTS, REVIEW_WHEN };

/** When a candidate may see part of their result (see {@link exam}). */
export type ReviewWhen = (typeof REVIEW_WHEN)[number];

/** What a candidate sees after submitting, and from when. */
export interface ReviewOptions {
	score: ReviewWhen;
	answers: ReviewWhen;
	explanations: ReviewWhen;
}

/**
 * An exam (任前 / 执法资格 / 年度): how its paper is made (a blueprint drawn per candidate from the
 * ready questions of its banks, or a fixed paper), how it is marked and what a candidate may see.
 * Editable while a draft; publishing runs the feasibility check and freezes it.
 */
export const exam = sqliteTable(
	'exam',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		unitId: integer()
			.notNull()
			.references(() => unit.id),
		title: text().notNull(),
		kind: text({ enum: EXAM_KINDS }).notNull(),
		status: text({ enum: EXAM_STATUSES }).notNull().default('draft'),
		paperKind: text({ enum: PAPER_KINDS }).notNull(),
		/** The banks questions are drawn from (ids). */
		bankIds: text({ mode: 'json' }).notNull().$type<number[]>(),
		/** The core blueprint; question ids are `String(question.id)`, law ids the law's short title. */
		blueprint: text({ mode: 'json' }).notNull().$type<Blueprint>(),
		passMark: real().notNull(),
		/** Score bands (null: the core's defaults 优秀/良好/合格/不合格). */
		bands: text({ mode: 'json' }).$type<ScoreBand[] | null>(),
		durationMinutes: integer().notNull(),
		maxAttempts: integer().notNull(),
		counts: text({ enum: RETAKE_COUNTS }).notNull(),
		/** A further attempt only after a fail (the pre-appointment retake). */
		onlyAfterFail: integer({ mode: 'boolean' }).notNull(),
		grading: text({ mode: 'json' }).notNull().$type<GradingPolicy>(),
		review: text({ mode: 'json' }).notNull().$type<ReviewOptions>(),
		/** Times a candidate may leave the exam page (tab switch, focus loss); the last submits. Null: no limit. */
		focusLimit: integer(),
		/** The part of the enforcement qualification it covers; null: both (one paper). */
		certificatePart: text({ enum: CERTIFICATE_PARTS }),
		/**
		 * The sittings' default study-credit requirement (资格): credits a candidate must have earned
		 * in `creditsYear` (null: the sitting's opening year). Null: none. Each sitting copies it,
		 * and may change it, when it is created.
		 */
		creditsRequired: real(),
		creditsYear: integer(),
		publishedAt: integer({ mode: 'timestamp_ms' }),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		createdBy: integer().references(() => user.id),
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	// an organiser's exams, newest first
	(t) => [index('exam_unit_idx').on(t.unitId, t.createdAt)]
);

/** 场次: a window in which the candidates on its roster may take the exam. */
export const sitting = sqliteTable(
	'sitting',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		examId: integer()
			.notNull()
			.references(() => exam.id),
		name: text().notNull(),
		opensAt: integer({ mode: 'timestamp_ms' }).notNull(),
		closesAt: integer({ mode: 'timestamp_ms' }).notNull(),
		/** An attempt continues only in the browser that started it. */
		oneDevice: integer({ mode: 'boolean' }).notNull().default(false),
		/**
		 * Study credits a candidate must have earned in `creditsYear` to start (null: none); checked
		 * when an attempt starts, unless the candidate holds a {@link creditExemption}.
		 */
		creditsRequired: real(),
		creditsYear: integer(),
		/**
		 * Results released: until then, candidates of an exam graded partly by hand see "awaiting
		 * grading" instead of a score (a mark may still change).
		 */
		releasedAt: integer({ mode: 'timestamp_ms' }),
		releasedBy: integer().references(() => user.id),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		createdBy: integer().references(() => user.id)
	},
	// an exam's sittings
	(t) => [index('sitting_exam_idx').on(t.examId, t.opensAt)]
);

/** Roster by unit: every active person of the unit and the units below it. */
export const sittingUnit = sqliteTable(
	'sitting_unit',
	{
		sittingId: integer()
			.notNull()
			.references(() => sitting.id, { onDelete: 'cascade' }),
		unitId: integer()
			.notNull()
			.references(() => unit.id)
	},
	(t) => [primaryKey({ columns: [t.sittingId, t.unitId] })]
);

/** Roster by name. */
export const sittingPerson = sqliteTable(
	'sitting_person',
	{
		sittingId: integer()
			.notNull()
			.references(() => sitting.id, { onDelete: 'cascade' }),
		personId: integer()
			.notNull()
			.references(() => person.id)
	},
	// "my sittings": a candidate's named places
	(t) => [
		primaryKey({ columns: [t.sittingId, t.personId] }),
		index('sitting_person_idx').on(t.personId)
	]
);

/** Roster by rank: every active person of the rank in the exam's unit or below. */
export const sittingRank = sqliteTable(
	'sitting_rank',
	{
		sittingId: integer()
			.notNull()
			.references(() => sitting.id, { onDelete: 'cascade' }),
		rank: text({ enum: RANKS }).notNull()
	},
	(t) => [primaryKey({ columns: [t.sittingId, t.rank] })]
);

/**
 * 免考积分要求: an organiser lets one person sit a sitting without the credits it requires, with
 * the reason. Revoking deletes the row; both are in the audit log.
 */
export const creditExemption = sqliteTable(
	'credit_exemption',
	{
		sittingId: integer()
			.notNull()
			.references(() => sitting.id, { onDelete: 'cascade' }),
		personId: integer()
			.notNull()
			.references(() => person.id),
		reason: text().notNull(),
		grantedAt: integer({ mode: 'timestamp_ms' }).notNull(),
		grantedBy: integer().references(() => user.id)
	},
	(t) => [primaryKey({ columns: [t.sittingId, t.personId] })]
);

/** 监考: accounts that may watch a sitting's monitor and act on it besides the exam's organisers. */
export const sittingProctor = sqliteTable(
	'sitting_proctor',
	{
		sittingId: integer()
			.notNull()
			.references(() => sitting.id, { onDelete: 'cascade' }),
		userId: integer()
			.notNull()
			.references(() => user.id)
	},
	// "may this user proctor this sitting" looks up by user
	(t) => [
		primaryKey({ columns: [t.sittingId, t.userId] }),
		index('sitting_proctor_user_idx').on(t.userId)
	]
);

/**
 * One paper as drawn for one candidate, with its keys — never sent to the browser. Kept apart from
 * the attempt that takes it so that it is written once, when drawn: a paper prepared before the
 * window (examPreparedPaper) becomes an attempt's by pointing to it, and a start storm writes a
 * few small rows, not tens of KB a start. A prepared paper no longer wanted is removed with it
 * (a trigger, drizzle/0042).
 */
export const examPaper = sqliteTable('exam_paper', {
	id: integer().primaryKey({ autoIncrement: true }),
	/** The seed of the draw, so that a paper can be reproduced. */
	seed: text().notNull(),
	paper: text({ mode: 'json' }).notNull().$type<Paper>(),
	/** The question ids of the paper, for checking a save without reading the paper. */
	questionIds: text({ mode: 'json' }).notNull().$type<string[]>(),
	/**
	 * The paper as the candidate sees it (no keys), built once when it was drawn so that the exam
	 * page does not rebuild it at every load; null for attempts started before it was kept.
	 */
	view: text({ mode: 'json' }).$type<PaperView>(),
	/**
	 * What an answer to each question may look like, for checking a save without reading the
	 * paper; null for attempts started before it was kept (their saves are not checked so).
	 */
	answerShapes: text({ mode: 'json' }).$type<AnswerShapes>()
});

/**
 * One candidate's attempt: the paper drawn for it (./examPaper), its deadline (kept here, so any process honours it, also after a restart) and its result.
 */
export const examAttempt = sqliteTable(
	'exam_attempt',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		sittingId: integer()
			.notNull()
			.references(() => sitting.id),
		examId: integer()
			.notNull()
			.references(() => exam.id),
		personId: integer()
			.notNull()
			.references(() => person.id),
		number: integer().notNull(),
		state: text({ enum: ATTEMPT_STATES }).notNull(),
		/** The paper drawn for it (with its keys — never sent to the browser). */
		paperId: integer()
			.notNull()
			.references(() => examPaper.id),
		startedAt: integer({ mode: 'timestamp_ms' }).notNull(),
		deadline: integer({ mode: 'timestamp_ms' }).notNull(),
		/** The browser that started it (a random id), when the sitting allows one device only. */
		deviceId: text(),
		submittedAt: integer({ mode: 'timestamp_ms' }),
		autoSubmitted: integer({ mode: 'boolean' }).notNull().default(false),
		gradedAt: integer({ mode: 'timestamp_ms' }),
		grade: text({ mode: 'json' }).$type<AttemptGrade | null>(),
		manualScores: text({ mode: 'json' }).notNull().$type<Record<string, number>>(),
		score: real(),
		maxScore: real(),
		voidedAt: integer({ mode: 'timestamp_ms' }),
		voidReason: text()
	},
	(t) => [
		uniqueIndex('exam_attempt_number_idx').on(t.sittingId, t.personId, t.number),
		// a paper is one attempt's; and "is this paper taken" when a prepared one is removed
		uniqueIndex('exam_attempt_paper_idx').on(t.paperId),
		// a candidate's attempts (my exams, retake rules)
		index('exam_attempt_person_idx').on(t.personId, t.examId),
		// the sweep: attempts still open past their deadline
		index('exam_attempt_open_deadline_idx')
			.on(t.deadline)
			.where(sql`${t.state} = 'in_progress'`)
	]
);

/**
 * A paper drawn ahead of its sitting's window for one rostered candidate who has not started
 * (services/exams/prepare.ts): not an attempt (no deadline, nothing started, no route shows it).
 * Starting takes it if `signature` still matches the exam's bank and blueprint, else draws anew.
 */
export const examPreparedPaper = sqliteTable(
	'exam_prepared_paper',
	{
		sittingId: integer()
			.notNull()
			.references(() => sitting.id, { onDelete: 'cascade' }),
		personId: integer()
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		/** The ready questions and the blueprint it was drawn from (see `paperSignature`). */
		signature: text().notNull(),
		paperId: integer()
			.notNull()
			.references(() => examPaper.id),
		preparedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.sittingId, t.personId] }),
		// "does a prepared row still have this paper", asked by every paper removed (its foreign key)
		index('exam_prepared_paper_paper_idx').on(t.paperId)
	]
);

/** A time the candidate left the exam page (the tab hidden, or the window lost focus). */
export const examFocusEvent = sqliteTable(
	'exam_focus_event',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		attemptId: integer()
			.notNull()
			.references(() => examAttempt.id, { onDelete: 'cascade' }),
		kind: text({ enum: FOCUS_EVENT_KINDS }).notNull(),
		at: integer({ mode: 'timestamp_ms' }).notNull()
	},
	// an attempt's count (the limit, the monitor)
	(t) => [index('exam_focus_event_attempt_idx').on(t.attemptId)]
);

/**
 * The latest saved answer of each question of an attempt. `seq` is the sender's sequence number: a
 * save with a lower or equal one is late or repeated and changes nothing.
 */
export const examAnswer = sqliteTable(
	'exam_answer',
	{
		attemptId: integer()
			.notNull()
			.references(() => examAttempt.id, { onDelete: 'cascade' }),
		questionId: text().notNull(),
		/** Null: the answer was cleared (the question may still be flagged). */
		response: text({ mode: 'json' }).$type<Response | null>(),
		flagged: integer({ mode: 'boolean' }).notNull().default(false),
		seq: integer().notNull(),
		savedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.attemptId, t.questionId] })]
);

/**
 * A grader's mark of one hand-graded answer (an essay, or an essay part of a case: `key` is
 * `questionId` or `questionId#part`), with its comment and who gave it. The attempt's
 * `manualScores` holds the same scores for the core's grading.
 */
export const examMark = sqliteTable(
	'exam_mark',
	{
		attemptId: integer()
			.notNull()
			.references(() => examAttempt.id, { onDelete: 'cascade' }),
		key: text().notNull(),
		score: real().notNull(),
		comment: text().notNull().default(''),
		gradedBy: integer().references(() => user.id),
		gradedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.attemptId, t.key] })]
);

/**
 * 合格记录: the outcome of a graded attempt, as HR and the promotion gate read it. A void or a
 * regrade updates it (with an audit entry each).
 */
export const passRecord = sqliteTable(
	'pass_record',
	{
		attemptId: integer()
			.primaryKey()
			.references(() => examAttempt.id),
		personId: integer()
			.notNull()
			.references(() => person.id),
		examId: integer()
			.notNull()
			.references(() => exam.id),
		sittingId: integer()
			.notNull()
			.references(() => sitting.id),
		kind: text({ enum: EXAM_KINDS }).notNull(),
		/** The day it was taken (Asia/Shanghai, YYYY-MM-DD). */
		takenOn: text().notNull(),
		status: text({ enum: ['graded', 'pending', 'voided'] }).notNull(),
		score: real(),
		maxScore: real().notNull(),
		percent: real(),
		band: text(),
		passed: integer({ mode: 'boolean' }),
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	// a person's records of a kind (the gate, HR)
	(t) => [
		index('pass_record_person_idx').on(t.personId, t.kind),
		// oversight: who sat and who passed on the sittings of a year (one covering seek per rostered
		// person and sitting)
		index('pass_record_sitting_person_idx').on(t.sittingId, t.personId, t.status, t.passed)
	]
);

/** A certificate granted for a pass, verifiable by its code at /verify. */
export const certificate = sqliteTable(
	'certificate',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		personId: integer()
			.notNull()
			.references(() => person.id),
		examId: integer()
			.notNull()
			.references(() => exam.id),
		attemptId: integer()
			.notNull()
			.references(() => examAttempt.id),
		kind: text({ enum: EXAM_KINDS }).notNull(),
		verificationCode: text().notNull(),
		validFrom: text().notNull(),
		validUntil: text().notNull(),
		revokedOn: text(),
		revokeReason: text(),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		// /verify looks a code up
		uniqueIndex('certificate_code_idx').on(t.verificationCode),
		uniqueIndex('certificate_attempt_idx').on(t.attemptId),
		index('certificate_person_idx').on(t.personId)
	]
);

/**
 * Leases of periodic jobs (the deadline sweep): the process holding an unexpired lease runs the
 * job, so that several processes do not all sweep at once. Nothing breaks when two do. A person's
 * streamed exports hold leases too (`export:<user>:<slot>`, spreadsheet/slots.ts).
 */
export const jobLease = sqliteTable('job_lease', {
	name: text().primaryKey(),
	holder: text().notNull(),
	expiresAt: integer({ mode: 'timestamp_ms' }).notNull()
});

/**
 * A suspension, reinstatement, revocation or review of a certificate, as the organiser recorded it
 * (the core's `certificateStatus` reads them). Append-only: a mistake is corrected by a further event.
 */
export const certificateEvent = sqliteTable(
	'certificate_event',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		certificateId: integer()
			.notNull()
			.references(() => certificate.id),
		kind: text({ enum: CERTIFICATE_EVENT_KINDS }).notNull(),
		/** The day it takes effect (Asia/Shanghai). */
		on: text().notNull(),
		reason: text(),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		createdBy: integer().references(() => user.id)
	},
	(t) => [index('certificate_event_certificate_idx').on(t.certificateId)]
);
