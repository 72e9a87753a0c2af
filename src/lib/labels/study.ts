import { m } from '$lib/i18n.ts';
import type { AttendanceStatus, StudyForm } from '@xuefa/core';
import type { CasePart, LessonKind } from '$lib/schemas/lesson-enums.ts';
import { labeller } from './labeller.ts';

/** A lesson or a case lesson (以案释法). */
export const lessonKindLabel = /* @__PURE__ */ labeller<LessonKind>({
	case: m.lesson_kind_case,
	lesson: m.lesson_kind_lesson
});
/** A part of a case lesson. */
export const lessonPartLabel = /* @__PURE__ */ labeller<CasePart>({
	analysis: m.lesson_part_analysis,
	basis: m.lesson_part_basis,
	facts: m.lesson_part_facts,
	insight: m.lesson_part_insight,
	issues: m.lesson_part_issues,
	judgment: m.lesson_part_judgment
});
/** A form of study (会前学法, 专题讲座 …). */
export const studyFormLabel = /* @__PURE__ */ labeller<StudyForm>({
	case: m.study_form_case,
	collective: m.study_form_collective,
	lecture: m.study_form_lecture,
	trial: m.study_form_trial,
	written: m.study_form_written
});
/** An attendance mark. */
export const attendanceLabel = /* @__PURE__ */ labeller<AttendanceStatus>({
	absent: m.study_attendance_absent,
	late: m.study_attendance_late,
	leave: m.study_attendance_leave,
	present: m.study_attendance_present
});
/** Planned, held or cancelled. */
export const sessionStatusLabel = /* @__PURE__ */ labeller({
	cancelled: m.study_session_status_cancelled,
	held: m.study_session_status_held,
	planned: m.study_session_status_planned
});
/** 周一 … 周日 (ISO weekday 1–7). */
export const weekdayLabel = /* @__PURE__ */ labeller({
	'1': m.study_weekday_1,
	'2': m.study_weekday_2,
	'3': m.study_weekday_3,
	'4': m.study_weekday_4,
	'5': m.study_weekday_5,
	'6': m.study_weekday_6,
	'7': m.study_weekday_7
});
/**
 * A public holiday by its name in the State Council's notice (春节 …): named in English for the
 * usual ones; a name an administrator typed otherwise shows as typed.
 */
export const holidayLabel = /* @__PURE__ */ labeller({
	元旦: m.holiday_new_year,
	春节: m.holiday_spring_festival,
	清明节: m.holiday_qingming,
	劳动节: m.holiday_labour_day,
	端午节: m.holiday_dragon_boat,
	中秋节: m.holiday_mid_autumn,
	国庆节: m.holiday_national_day,
	'国庆节、中秋节': m.holiday_national_day_mid_autumn
});
/** Why a day is not an ordinary working day. */
export const studyDayLabel = /* @__PURE__ */ labeller({
	holiday: m.study_day_holiday,
	make_up: m.study_day_make_up,
	weekend: m.study_day_weekend
});
/** The notice after a study action (`?done=`). */
export const studyDoneLabel = /* @__PURE__ */ labeller({
	added: m.study_done_added,
	already: m.study_done_already,
	cancelled: m.study_done_cancelled,
	checkedin: m.study_done_checkedin,
	closed: m.study_done_closed,
	copied: m.study_done_copied,
	created: m.study_done_created,
	deleted: m.study_done_deleted,
	late: m.study_done_late,
	leave_withdrawn: m.study_done_leave_withdrawn,
	marked: m.study_done_marked,
	moved: m.study_done_moved,
	opened: m.study_done_opened,
	published: m.study_done_published,
	removed: m.study_done_removed,
	restored: m.study_done_restored,
	revoked: m.study_done_revoked,
	saved: m.study_done_saved,
	signed: m.study_done_signed,
	uploaded: m.study_done_uploaded
});
