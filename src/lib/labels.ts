import { t } from './i18n.ts';

/** Labels for stored enum values and codes, in the reader's language. */
export const roleLabel = (role: string) => t(`role_${role}`);
export const rankLabel = (rank: string) => t(`rank_${rank}`);
export const routeLabel = (route: string) => t(`route_${route}`);
export const statusLabel = (status: string) => t(`status_${status}`);
export const unitKindLabel = (kind: string) => t(`unit_kind_${kind}`);
export const auditActionLabel = (action: string) => t(`audit_action_${action.replace(/\./g, '_')}`);

/** A date and time as people in the district read it (always Beijing time). */
export function formatDateTime(value: Date | string | number, locale: string): string {
	return new Intl.DateTimeFormat(locale, {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Asia/Shanghai'
	}).format(new Date(value));
}
export const questionTypeLabel = (type: string) => t(`question_type_${type}`);
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
