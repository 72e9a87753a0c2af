import { m, t, tIfAny } from './i18n.ts';

/** Labels for stored enum values and codes, in the reader's language. */
export const roleLabel = (role: string) => t(`role_${role}`);
export const rankLabel = (rank: string) => t(`rank_${rank}`);
export const routeLabel = (route: string) => t(`route_${route}`);
export const statusLabel = (status: string) => t(`status_${status}`);
export const unitKindLabel = (kind: string) => t(`unit_kind_${kind}`);

/** The kind of object an audit entry is about (试题, 题库, 账号 …). */
export const auditEntityType = (entityType: string) =>
	tIfAny(`audit_entity_${entityType}`) ?? entityType;

/**
 * What an audit entry did: its action's name (`audit_action_<action>`, dots as underscores), or for
 * an action that has none yet, the kind of object and the code.
 */
export const auditActionLabel = (action: string, entityType: string) =>
	tIfAny(`audit_action_${action.replace(/\./g, '_')}`) ??
	m.audit_action_other({ entity: auditEntityType(entityType), action });

/** A date and time as people in the district read it (always Beijing time). */
export function formatDateTime(value: Date | string | number, locale: string): string {
	return new Intl.DateTimeFormat(locale, {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Asia/Shanghai'
	}).format(new Date(value));
}
export const questionTypeLabel = (type: string) => t(`question_type_${type}`);
export const questionStatusLabel = (status: string) => t(`question_status_${status}`);
export const studyFormLabel = (form: string) => t(`study_form_${form}`);
export const attendanceLabel = (status: string) => t(`study_attendance_${status}`);
export const sessionStatusLabel = (status: string) => t(`study_session_status_${status}`);
/** 周一 … 周日 (ISO weekday 1–7). */
export const weekdayLabel = (weekday: number) => t(`study_weekday_${weekday}`);

/** A calendar date (YYYY-MM-DD) with its weekday, as people read it: 2026年3月2日 星期一. */
export function formatDay(date: string, locale: string, style: 'long' | 'short' = 'long'): string {
	return new Intl.DateTimeFormat(locale, {
		...(style === 'long' ? { year: 'numeric' } : {}),
		month: style === 'long' ? 'long' : 'numeric',
		day: 'numeric',
		weekday: style === 'long' ? 'long' : 'short',
		timeZone: 'UTC'
	}).format(new Date(`${date}T00:00:00Z`));
}
