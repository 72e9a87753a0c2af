// The enum values live with the drizzle schema; re-exported here so that forms (client code) can
// use them without importing server modules.
export const UNIT_KINDS = ['government', 'bureau', 'street', 'office', 'other'] as const;
export const RANKS = [
	'clerk',
	'staff',
	'deputy_section',
	'section',
	'deputy_division',
	'division',
	'deputy_bureau',
	'bureau'
] as const;
export const APPOINTMENT_ROUTES = ['congress', 'government'] as const;
export const PERSON_STATUSES = ['active', 'inactive'] as const;
export const ROLES = ['cadre', 'organiser', 'hr', 'grader', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export { QUESTION_TYPES, type QuestionType } from '@xuefa/core';

/** A question's review status: 草稿 draft → 已审核 ready (practised, drawn into papers) → 已停用 retired. */
export const QUESTION_STATUSES = ['draft', 'ready', 'retired'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];
