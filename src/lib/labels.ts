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
export const questionStatusLabel = (status: string) => t(`question_status_${status}`);
