import { sql } from 'drizzle-orm';
import {
	blob,
	check,
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import {
	ATTENDANCE_SOURCES,
	ATTENDANCE_STATUSES,
	FEED_KINDS,
	HOLIDAY_RULES,
	MAKE_UP_RULES,
	PLAN_STATUSES,
	SESSION_OVERRIDES,
	SESSION_STATUSES,
	SPEAKER_KINDS,
	STUDY_FORMS
} from '../../../schemas/study-enums.ts';
import { user } from './auth.ts';
import { person, unit } from './org.ts';

/**
 * A statute cited by a plan item or a session: the law's short title (行政处罚法, as `law.shortTitle`
 * and the core's `LawRef.lawId`) and optionally one article. Kept as JSON on its owner: the
 * figures by law are computed from whole plans (the core's planProgress), never searched by law.
 */
export interface StudyLawRef {
	lawId: string;
	articleNo?: number;
}

/**
 * 领导班子 / 学习小组: the group of people a plan and a schedule are for (the district government's
 * leadership team, a bureau's 党组). Belongs to a unit; organisers of that unit (and above) manage it.
 */
export const studyTeam = sqliteTable(
	'study_team',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		unitId: integer()
			.notNull()
			.references(() => unit.id),
		name: text().notNull(),
		description: text().notNull().default(''),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	// teams of the units in scope
	(t) => [index('study_team_unit_idx').on(t.unitId)]
);

/** The team's members: its sessions' roster. A member may work in any unit. */
export const studyTeamMember = sqliteTable(
	'study_team_member',
	{
		teamId: integer()
			.notNull()
			.references(() => studyTeam.id, { onDelete: 'cascade' }),
		personId: integer()
			.notNull()
			.references(() => person.id),
		addedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.teamId, t.personId] }),
		// a cadre's own teams (their sessions, check-in, personal calendar feed)
		index('study_team_member_person_idx').on(t.personId)
	]
);

/** 年度学法计划 for a team (or a whole unit when `teamId` is null). */
export const studyPlan = sqliteTable(
	'study_plan',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		unitId: integer()
			.notNull()
			.references(() => unit.id),
		teamId: integer().references(() => studyTeam.id),
		year: integer().notNull(),
		title: text().notNull(),
		status: text({ enum: PLAN_STATUSES }).notNull().default('draft'),
		publishedAt: integer({ mode: 'timestamp_ms' }),
		publishedBy: integer().references(() => user.id),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		createdBy: integer().references(() => user.id),
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	// the plans of units in scope, newest year first
	(t) => [index('study_plan_unit_year_idx').on(t.unitId, t.year)]
);

/** One item of a plan: what is studied, how, when (a month, or a date) and by whom. */
export const studyPlanItem = sqliteTable(
	'study_plan_item',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		planId: integer()
			.notNull()
			.references(() => studyPlan.id, { onDelete: 'cascade' }),
		topic: text().notNull(),
		form: text({ enum: STUDY_FORMS }).notNull(),
		/** `YYYY-MM`: always set (the month of `plannedDate` when there is one), for ordering and overdue items. */
		plannedMonth: text().notNull(),
		/** `YYYY-MM-DD` when the item has a date rather than only a month. */
		plannedDate: text(),
		speaker: text().notNull().default(''),
		plannedMinutes: integer(),
		/** What is handed out or read (书目, 材料): free text, the session holds the files. */
		materialsNote: text().notNull().default(''),
		laws: text({ mode: 'json' }).notNull().$type<StudyLawRef[]>(),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	// a plan's items in month order
	(t) => [index('study_plan_item_plan_idx').on(t.planId, t.plannedMonth)]
);

/**
 * A recurring session rule (会前学法 every Monday 09:00 before the 区长办公会): the core's
 * `ScheduleRule`, whose occurrences are kept as `study_session` rows (see services/study/sync.ts).
 */
export const studySchedule = sqliteTable(
	'study_schedule',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		unitId: integer()
			.notNull()
			.references(() => unit.id),
		teamId: integer()
			.notNull()
			.references(() => studyTeam.id),
		/** The default topic of its sessions, e.g. 区长办公会会前学法. */
		title: text().notNull(),
		form: text({ enum: STUDY_FORMS }).notNull().default('collective'),
		weekday: integer().notNull(),
		intervalWeeks: integer().notNull().default(1),
		startDate: text().notNull(),
		endDate: text().notNull(),
		startTime: text().notNull(),
		durationMinutes: integer().notNull(),
		location: text().notNull().default(''),
		onHoliday: text({ enum: HOLIDAY_RULES }).notNull().default('skip'),
		/** Whether a make-up working day that works as the weekday holds a session (`follow`). */
		makeUpDays: text({ enum: MAKE_UP_RULES }).notNull().default('ignore'),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		createdBy: integer().references(() => user.id),
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	// schedules of the units in scope; schedules touching a year when its holidays are entered
	(t) => [
		index('study_schedule_unit_idx').on(t.unitId),
		index('study_schedule_range_idx').on(t.startDate, t.endDate)
	]
);

/**
 * 学法活动: one session, generated by a schedule (`scheduleId` + `slot`, the core occurrence's
 * identity) or added by hand (`scheduleId` null). Lessons and case lessons link to sessions in
 * their own table (session id → lesson id), added with the lessons.
 */
export const studySession = sqliteTable(
	'study_session',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		unitId: integer()
			.notNull()
			.references(() => unit.id),
		teamId: integer()
			.notNull()
			.references(() => studyTeam.id),
		scheduleId: integer().references(() => studySchedule.id),
		/** The regular slot date this session stands for (the core `Occurrence.slot`). */
		slot: text(),
		/** Moved or cancelled by hand: kept when the schedule is generated again. */
		override: text({ enum: SESSION_OVERRIDES }),
		planItemId: integer().references(() => studyPlanItem.id, { onDelete: 'set null' }),
		date: text().notNull(),
		startTime: text().notNull(),
		durationMinutes: integer().notNull(),
		form: text({ enum: STUDY_FORMS }).notNull(),
		topic: text().notNull(),
		speakerKind: text({ enum: SPEAKER_KINDS }),
		speakerPersonId: integer().references(() => person.id),
		/** An outside speaker's name (法律顾问, 百名法治专家); for an internal one, empty. */
		speakerName: text().notNull().default(''),
		/** An outside speaker's affiliation or title, e.g. 某某律师事务所律师. */
		speakerTitle: text().notNull().default(''),
		laws: text({ mode: 'json' }).notNull().$type<StudyLawRef[]>(),
		location: text().notNull().default(''),
		status: text({ enum: SESSION_STATUSES }).notNull().default('planned'),
		/** Why it was moved or cancelled. */
		note: text().notNull().default(''),
		/** 会议记录 in Markdown (rendered sanitised). */
		minutes: text().notNull().default(''),
		actualStartAt: integer({ mode: 'timestamp_ms' }),
		actualEndAt: integer({ mode: 'timestamp_ms' }),
		/** The key the rotating check-in codes are derived from (hex); a new one each time check-in opens. */
		checkinSecret: text(),
		checkinOpenedAt: integer({ mode: 'timestamp_ms' }),
		checkinClosedAt: integer({ mode: 'timestamp_ms' }),
		/** Raised on every change of date, time or status: the iCalendar SEQUENCE. */
		sequence: integer().notNull().default(0),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		createdBy: integer().references(() => user.id),
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		// one session per occurrence of a schedule
		uniqueIndex('study_session_slot_idx').on(t.scheduleId, t.slot),
		// calendars and lists by unit and date range
		index('study_session_unit_date_idx').on(t.unitId, t.date),
		// a team's sessions (a cadre's own sessions, the personal feed)
		index('study_session_team_date_idx').on(t.teamId, t.date),
		// plan progress: the sessions that deliver a plan's items
		index('study_session_plan_item_idx').on(t.planItemId)
	]
);

/** One person's attendance at a session. */
export const studyAttendance = sqliteTable(
	'study_attendance',
	{
		sessionId: integer()
			.notNull()
			.references(() => studySession.id, { onDelete: 'cascade' }),
		personId: integer()
			.notNull()
			.references(() => person.id),
		status: text({ enum: ATTENDANCE_STATUSES }).notNull(),
		/** Why on leave or absent. */
		reason: text().notNull().default(''),
		source: text({ enum: ATTENDANCE_SOURCES }).notNull(),
		checkedInAt: integer({ mode: 'timestamp_ms' }),
		markedBy: integer().references(() => user.id),
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.sessionId, t.personId] }),
		// a person's attendance record (rates per person, credits)
		index('study_attendance_person_idx').on(t.personId)
	]
);

/**
 * 书面学法: a material distributed to a team, which each member opens and signs off (签阅). The text
 * is Markdown (rendered sanitised); files, if any, are `study_material` rows of the reading.
 */
export const studyReading = sqliteTable(
	'study_reading',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		unitId: integer()
			.notNull()
			.references(() => unit.id),
		teamId: integer()
			.notNull()
			.references(() => studyTeam.id),
		title: text().notNull(),
		body: text().notNull().default(''),
		/** `YYYY-MM-DD`: sign off by this day (shown, and overdue ones stand out), or none. */
		dueDate: text(),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		createdBy: integer().references(() => user.id),
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		// readings of the units in scope, newest first
		index('study_reading_unit_idx').on(t.unitId, t.createdAt),
		// a cadre's readings through their teams
		index('study_reading_team_idx').on(t.teamId)
	]
);

/** A member's 签阅 of a reading: when they first opened it and when they signed it off. */
export const studyReadingSign = sqliteTable(
	'study_reading_sign',
	{
		readingId: integer()
			.notNull()
			.references(() => studyReading.id, { onDelete: 'cascade' }),
		personId: integer()
			.notNull()
			.references(() => person.id),
		openedAt: integer({ mode: 'timestamp_ms' }).notNull(),
		signedAt: integer({ mode: 'timestamp_ms' })
	},
	(t) => [
		primaryKey({ columns: [t.readingId, t.personId] }),
		// a cadre's unsigned readings (home page)
		index('study_reading_sign_person_idx').on(t.personId)
	]
);

/**
 * The materials of a session (讲稿, 课件) or of a reading (书面学法), kept in the database: never
 * under the web root, backed up with everything else, served only through the authorised download
 * routes. Exactly one of `sessionId` and `readingId` is set.
 */
export const studyMaterial = sqliteTable(
	'study_material',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		sessionId: integer().references(() => studySession.id, { onDelete: 'cascade' }),
		readingId: integer().references(() => studyReading.id, { onDelete: 'cascade' }),
		fileName: text().notNull(),
		/** The type read from the file's bytes (never the browser's claim); one of the allowed types. */
		contentType: text().notNull(),
		size: integer().notNull(),
		sha256: text().notNull(),
		data: blob({ mode: 'buffer' }).notNull(),
		uploadedAt: integer({ mode: 'timestamp_ms' }).notNull(),
		uploadedBy: integer().references(() => user.id)
	},
	(t) => [
		// a session's materials
		index('study_material_session_idx').on(t.sessionId),
		// a reading's materials
		index('study_material_reading_idx').on(t.readingId),
		check('study_material_owner', sql`(${t.sessionId} IS NULL) <> (${t.readingId} IS NULL)`)
	]
);

/**
 * A calendar subscription: a person's own sessions, or a unit's. Only the SHA-256 of the token is
 * kept: the feed's address is shown once, and revoking sets `revokedAt`.
 */
export const calendarFeed = sqliteTable(
	'calendar_feed',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		kind: text({ enum: FEED_KINDS }).notNull(),
		/** Whose feed it is (the person for a personal feed, the creator for a unit feed). */
		userId: integer()
			.notNull()
			.references(() => user.id),
		unitId: integer().references(() => unit.id),
		tokenHash: text().notNull(),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		revokedAt: integer({ mode: 'timestamp_ms' })
	},
	(t) => [
		// the feed request looks the token up
		uniqueIndex('calendar_feed_token_idx').on(t.tokenHash),
		// a user's feeds
		index('calendar_feed_user_idx').on(t.userId)
	]
);
