/**
 * The audit log as people read it: actions, objects and changed fields by name, values in words
 * (roles, statuses, unit names), never raw JSON or internal codes. Everything is looked up from
 * data, so a new action or field only needs its messages (`audit_action_<action>` with dots as
 * underscores, see `auditActionLabel`; `audit_field_<field>`; `audit_entity_<type>`) and, for coded
 * values, a line in {@link VALUES}.
 */
import { formatArticleNo } from '@xuefa/core';
import { m, tIfAny } from './i18n.ts';
import {
	questionStatusLabel,
	questionTypeLabel,
	rankLabel,
	roleLabel,
	routeLabel,
	statusLabel,
	unitKindLabel
} from './labels.ts';

/** Names of the units, banks and people that entries refer to by id, looked up by the server. */
export interface AuditNames {
	unit: Record<string, string>;
	bank: Record<string, string>;
	person: Record<string, string>;
}

/** Which fields hold the id of a unit, bank or person: shown by name. */
export const AUDIT_REFERENCES: Record<string, keyof AuditNames> = {
	unitId: 'unit',
	parentId: 'unit',
	bankId: 'bank',
	personId: 'person'
};

const listOf = (values: string[], locale: string) =>
	new Intl.ListFormat(locale, { type: 'conjunction' }).format(values);
const asArray = (v: unknown) => (Array.isArray(v) ? v : [v]);

type Format = (value: unknown, names: AuditNames, locale: string) => string;
const label =
	(fn: (code: string) => string): Format =>
	(v, _names, locale) =>
		listOf(
			asArray(v).map((x) => fn(String(x))),
			locale
		);

/** How coded values read, by `entityType.field` first, then by field. */
const VALUES: Record<string, Format> = {
	'question.status': label(questionStatusLabel),
	status: label(statusLabel),
	role: label(roleLabel),
	roles: label(roleLabel),
	rank: label(rankLabel),
	appointmentRoute: label(routeLabel),
	kind: label(unitKindLabel),
	type: label(questionTypeLabel),
	format: label((f) => tIfAny(`audit_format_${f}`) ?? f),
	reviewFlag: (v, _names, locale) => {
		const flag = v as { law?: string; articles?: number[] } | null;
		if (!flag?.law) return m.common_none();
		return `《${flag.law}》${listOf(
			(flag.articles ?? []).map((a) => formatArticleNo(a)),
			locale
		)}`;
	}
};

function plain(value: unknown, locale: string): string {
	if (value === null || value === undefined || value === '') return '—';
	if (typeof value === 'boolean') return value ? m.common_yes() : m.common_no();
	if (Array.isArray(value))
		return listOf(
			value.map((v) => plain(v, locale)),
			locale
		);
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

/** One field's value in words. */
export function auditValue(
	entityType: string,
	field: string,
	value: unknown,
	names: AuditNames,
	locale: string
): string {
	const ref = AUDIT_REFERENCES[field];
	if (ref && value !== null && value !== undefined)
		return names[ref][String(value)] ?? `#${String(value)}`;
	const format = VALUES[`${entityType}.${field}`] ?? VALUES[field];
	return format && value !== null && value !== undefined
		? format(value, names, locale)
		: plain(value, locale);
}

/** One line of an entry's details: a field, with its value before and/or after. */
export interface AuditChange {
	field: string;
	label: string;
	before?: string;
	after?: string;
}

const fieldsOf = (v: unknown): Record<string, unknown> =>
	v !== null && typeof v === 'object' && !Array.isArray(v)
		? (v as Record<string, unknown>)
		: v === null || v === undefined
			? {}
			: { value: v };

/**
 * The details of an entry, field by field: what was set (after only), what was removed (before
 * only) or what changed (both; fields that stayed the same are left out).
 */
export function auditChanges(
	entry: { entityType: string; before: unknown; after: unknown },
	names: AuditNames,
	locale: string
): AuditChange[] {
	const before = fieldsOf(entry.before);
	const after = fieldsOf(entry.after);
	const out: AuditChange[] = [];
	for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
		const has = (o: Record<string, unknown>) => Object.hasOwn(o, field);
		if (has(before) && has(after) && JSON.stringify(before[field]) === JSON.stringify(after[field]))
			continue;
		const value = (v: unknown) => auditValue(entry.entityType, field, v, names, locale);
		out.push({
			field,
			label: tIfAny(`audit_field_${field}`) ?? field,
			...(has(before) ? { before: value(before[field]) } : {}),
			...(has(after) ? { after: value(after[field]) } : {})
		});
	}
	return out;
}
