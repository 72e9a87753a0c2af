// Stored values of the study programme, client-safe (forms use them as well as the drizzle schema).
export {
	ADVANCE_STATUSES,
	ATTENDANCE_STATUSES,
	STUDY_FORMS,
	type AttendanceStatus,
	type StudyForm
} from '@xuefa/core';

/** A plan is drafted, then published to the team it is for; a published plan is still edited. */
export const PLAN_STATUSES = ['draft', 'published'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/**
 * planned: on the calendar (leave asked for in advance may already be recorded); held: it took
 * place (check-in opened, presence, lateness or absence marked, or actual times recorded); cancelled: called off (kept, so that calendar feeds publish the cancellation).
 */
export const SESSION_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** A speaker from the district's own people, or an outside legal adviser or expert, by name. */
export const SPEAKER_KINDS = ['internal', 'external'] as const;
export type SpeakerKind = (typeof SPEAKER_KINDS)[number];

/** How an attendance record came about: the cadre checked in, or an organiser marked it. */
export const ATTENDANCE_SOURCES = ['checkin', 'organiser'] as const;

/** What happened to one occurrence of a schedule by hand. */
export const SESSION_OVERRIDES = ['move', 'cancel'] as const;

/** Whose sessions a calendar feed carries: one person's, or a unit's (and the units below it). */
export const FEED_KINDS = ['person', 'unit'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

export const HOLIDAY_RULES = ['skip', 'next_working_day'] as const;
export const MAKE_UP_RULES = ['ignore', 'follow'] as const;
