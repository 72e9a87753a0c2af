import { m } from './i18n.ts';
import type { Role } from './schemas/enums.ts';
import { labeller } from './labels/labeller.ts';

/** Labels for stored enum values and codes, in the reader's language (see labels/labeller.ts). */
/** A role. */
export const roleLabel = /* @__PURE__ */ labeller<Role>({
	admin: m.role_admin,
	cadre: m.role_cadre,
	grader: m.role_grader,
	hr: m.role_hr,
	organiser: m.role_organiser
});
/** A rank (职级). */
export const rankLabel = /* @__PURE__ */ labeller({
	bureau: m.rank_bureau,
	clerk: m.rank_clerk,
	deputy_bureau: m.rank_deputy_bureau,
	deputy_division: m.rank_deputy_division,
	deputy_section: m.rank_deputy_section,
	division: m.rank_division,
	section: m.rank_section,
	staff: m.rank_staff
});
/** An appointment route (by the government or by the people's congress). */
export const routeLabel = /* @__PURE__ */ labeller({
	congress: m.route_congress,
	government: m.route_government
});
/** An account or person's status. */
export const statusLabel = /* @__PURE__ */ labeller({
	active: m.status_active,
	inactive: m.status_inactive
});
/** A kind of unit. */
export const unitKindLabel = /* @__PURE__ */ labeller({
	bureau: m.unit_kind_bureau,
	government: m.unit_kind_government,
	office: m.unit_kind_office,
	other: m.unit_kind_other,
	street: m.unit_kind_street
});

/** A date and time as people in the district read it (always Beijing time). */
export function formatDateTime(value: Date | string | number, locale: string): string {
	return new Intl.DateTimeFormat(locale, {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Asia/Shanghai'
	}).format(new Date(value));
}
export { questionStatusLabel, questionTypeLabel } from './labels/practice.ts';
export {
	attendanceLabel,
	sessionStatusLabel,
	studyFormLabel,
	weekdayLabel
} from './labels/study.ts';

/**
 * A calendar date (YYYY-MM-DD) with its weekday, as people read it: 2026年3月2日 星期一; short,
 * 3/2周一, with the year (2027/1/4周一) where the list spans years (the core's datesNeedYear).
 */
export function formatDay(
	date: string,
	locale: string,
	style: 'long' | 'short' = 'long',
	withYear = false
): string {
	return new Intl.DateTimeFormat(locale, {
		...(style === 'long' || withYear ? { year: 'numeric' } : {}),
		month: style === 'long' ? 'long' : 'numeric',
		day: 'numeric',
		weekday: style === 'long' ? 'long' : 'short',
		timeZone: 'UTC'
	}).format(new Date(`${date}T00:00:00Z`));
}
