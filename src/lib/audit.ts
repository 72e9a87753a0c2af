/**
 * The audit log as people read it: actions, objects and changed fields by name, values in words
 * (roles, statuses, unit names), never raw JSON or internal codes. Everything is looked up from
 * data, so a new action or field only needs its messages (`audit_action_<action>` with dots as
 * underscores, see `auditActionLabel`; `audit_field_<field>`; `audit_entity_<type>`) and, for coded
 * values, a line in {@link VALUES}. Server code only: the lookups by computed key would put the
 * whole message catalogue into the browser's bundle (the audit page gets its words from its load).
 */
import { type Locale, messageFor } from '@xuefa/core';
import { byCount, m, tIfAny } from './i18n.ts';
import { articleLabel, citationLabel } from './laws.ts';
import {
	attendanceLabel,
	formatDateTime,
	questionStatusLabel,
	questionTypeLabel,
	rankLabel,
	roleLabel,
	routeLabel,
	statusLabel,
	studyFormLabel,
	unitKindLabel,
	weekdayLabel
} from './labels.ts';
import { certificateReasonLabel } from './labels/exams.ts';
import { voidEffectText } from './labels/hr.ts';

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

/** Names of the units, banks and people that entries refer to by id, looked up by the server. */
export interface AuditNames {
	unit: Record<string, string>;
	bank: Record<string, string>;
	person: Record<string, string>;
	team: Record<string, string>;
	planItem: Record<string, string>;
}

/** Which fields hold the id (or a list of ids) of a unit, bank, person…: shown by name. */
export const AUDIT_REFERENCES: Record<string, keyof AuditNames> = {
	unitId: 'unit',
	unitIds: 'unit',
	parentId: 'unit',
	bankId: 'bank',
	bankIds: 'bank',
	personId: 'person',
	personIds: 'person',
	speakerPersonId: 'person',
	presiderId: 'person',
	leaderId: 'person',
	witnessId: 'person',
	teamId: 'team',
	planItemId: 'planItem',
	itemId: 'planItem'
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
	ranks: label(rankLabel),
	'lesson.kind': label((k) => tIfAny(`lesson_kind_${k}`) ?? k),
	'lesson.status': label((k) => tIfAny(`lesson_status_${k}`) ?? k),
	appointmentRoute: label(routeLabel),
	kind: label(unitKindLabel),
	type: label(questionTypeLabel),
	format: label((f) => tIfAny(`audit_format_${f}`) ?? f),
	form: label(studyFormLabel),
	'study_session.status': label(
		(s) => tIfAny(`study_attendance_${s}`) ?? tIfAny(`study_session_status_${s}`) ?? s
	),
	speakerKind: label((k) => tIfAny(`study_speaker_${k}`) ?? k),
	weekday: label((d) => weekdayLabel(Number(d))),
	onHoliday: label((h) => tIfAny(`study_on_holiday_${h}`) ?? h),
	makeUpDays: label((f) => tIfAny(`audit_make_up_${f}`) ?? f),
	scope: label((s) => tIfAny(`audit_scope_${s}`) ?? s),
	'calendar_feed.kind': label((k) => tIfAny(`audit_feed_kind_${k}`) ?? k),
	operation: label((o) => tIfAny(`api_operation_${o}`) ?? o),
	outcome: label((o) => tIfAny(`audit_api_outcome_${o}`) ?? o),
	'exam.kind': label((k) => tIfAny(`exam_kind_${k}`) ?? k),
	'exam.certificatePart': label((k) => tIfAny(`exam_certificate_part_${k}`) ?? k),
	// why a certificate was revoked: the app's own reasons in words, a person's as written
	'certificate.reason': label(certificateReasonLabel),
	paperKind: label((k) => tIfAny(`exam_paper_${k}`) ?? k),
	counts: label((c) => tIfAny(`exam_counts_${c}`) ?? c),
	state: label((s) => tIfAny(`audit_attempt_state_${s}`) ?? s),
	band: label((b) => tIfAny(`exam_band_${b}`) ?? b),
	// the organiser's choice as the exam form names it, not the stored policy
	grading: (v) => {
		const g = v as { multiple?: string; partialFraction?: number | string };
		const choice =
			g.multiple !== 'partial'
				? 'all_or_nothing'
				: g.partialFraction === 'proportional'
					? 'proportional'
					: 'partial_half';
		return tIfAny(`exam_multiple_${choice}`) ?? choice;
	},
	blueprint: (v) => {
		const sections = (v as { sections?: { type: string; count: number; points: number }[] })
			.sections;
		return (sections ?? [])
			.map((s) =>
				m.audit_blueprint_section({
					type: questionTypeLabel(s.type),
					questions: byCount(
						s.count,
						m.audit_blueprint_questions_one,
						m.audit_blueprint_questions,
						{
							n: s.count
						}
					),
					each: byCount(
						s.points,
						m.audit_blueprint_points_each_one,
						m.audit_blueprint_points_each,
						{ points: s.points }
					)
				})
			)
			.join(m.audit_list_separator());
	},
	bands: (v, _names, locale) =>
		listOf(
			asArray(v).map((b) => {
				const { code, min } = b as { code: string; min: number };
				return `${tIfAny(`exam_band_${code}`) ?? code} ≥ ${min}`;
			}),
			locale
		),
	actualStartAt: (v, _names, locale) => formatDateTime(v as number, locale),
	actualEndAt: (v, _names, locale) => formatDateTime(v as number, locale),
	laws: (v, _names, locale) =>
		listOf(
			asArray(v).map((ref) => {
				const { lawId, articleNo } = ref as { lawId: string; articleNo?: number };
				return citationLabel({ lawId, ...(articleNo ? { articleNo } : {}) });
			}),
			locale
		),
	holidays: (v, _names, locale) =>
		listOf(
			asArray(v).map((h) => {
				const p = h as { name: string; nameEn?: string; from: string; to: string };
				return `${locale === 'en' && p.nameEn ? p.nameEn : p.name} ${p.from}–${p.to}`;
			}),
			locale
		),
	// attendance marks: one line per person, `张三：出席`
	'study_session.value': (v, names, locale) =>
		listOf(
			asArray(v).map((mark) => {
				const { personId, status, reason } = mark as {
					personId: number;
					status: string | null;
					reason?: string | null;
				};
				const who = names.person[String(personId)] ?? m.audit_someone();
				const what = status ? attendanceLabel(status) : m.audit_not_marked();
				const why = reason ? m.audit_attendance_reason({ reason }) : '';
				return m.audit_attendance_mark({ who, what, reason: why });
			}),
			locale
		),
	// promotion cases, the gate and the oath: the core's labels and reasons, in the reader's language
	appointingBody: (v, _n, locale) => messageFor(`oath.body.${String(v)}`, {}, locale as Locale),
	exemption: (v, _n, locale) =>
		messageFor(`promotion.exemption.${String(v)}`, {}, locale as Locale),
	countFrom: (v, _n, locale) =>
		messageFor(`promotion.count_from.${String(v)}`, {}, locale as Locale),
	gateReasons: (v, _n, locale) =>
		asArray(v)
			.map((r) => {
				const { code, data } = r as { code: string; data?: Record<string, unknown> };
				return messageFor(code, data ?? {}, locale as Locale);
			})
			.join(m.audit_list_separator()),
	exemptions: (v, _n, locale) =>
		listOf(
			asArray(v).map((e) => {
				const { kind, allowed } = e as { kind: string; allowed: boolean };
				const label = messageFor(`promotion.exemption.${kind}`, {}, locale as Locale);
				return `${label} ${allowed ? m.common_yes() : m.common_no()}`;
			}),
			locale
		),
	voidedAttempt: (v, _n, locale) => {
		const { effect, months } = v as { effect: string; months?: number };
		const text = messageFor(`promotion.void_effect.${effect}`, {}, locale as Locale);
		return voidEffectText(text, months);
	},
	mustSwear: (v, _n, locale) =>
		listOf(
			Object.entries(v as Record<string, boolean>)
				.filter(([, must]) => must)
				.map(([body]) => messageFor(`oath.body.${body}`, {}, locale as Locale)),
			locale
		),
	// the certificate settings (`certificate.*`)
	window: (v) => {
		const w = v as { from: string; until: string } | null;
		return w ? m.certificate_policy_window_text(w) : m.certificate_policy_no_window();
	},
	requiredParts: (v, _n, locale) =>
		asArray(v).length
			? listOf(
					asArray(v).map((p) => tIfAny(`exam_certificate_part_${String(p)}`) ?? String(p)),
					locale
				)
			: m.certificate_policy_one_pass(),
	'policy_setting.unit': (v, _n, locale) =>
		messageFor(`oath.unit.${String(v)}`, {}, locale as Locale),
	'promotion_case.state': label((s) => tIfAny(`hr_state_${s}`) ?? s),
	'oath_ceremony.form': label((f) => tIfAny(`hr_ceremony_${f}`) ?? f),
	reviewFlag: (v, _names, locale) => {
		const flag = v as { law?: string; articles?: number[] } | null;
		if (!flag?.law) return m.common_none();
		return `《${flag.law}》${listOf((flag.articles ?? []).map(articleLabel), locale)}`;
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
	if (typeof value === 'object')
		return listOf(
			Object.entries(value as Record<string, unknown>).map(
				([k, v]) => `${tIfAny(`audit_field_${k}`) ?? k} ${plain(v, locale)}`
			),
			locale
		);
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
		return listOf(
			asArray(value).map((id) => names[ref][String(id)] ?? `#${String(id)}`),
			locale
		);
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

/** A field's name: the object's own (`audit_field_<type>_<field>`) first, then the common one. */
export const auditFieldLabel = (entityType: string, field: string) =>
	tIfAny(`audit_field_${entityType}_${field}`) ?? tIfAny(`audit_field_${field}`) ?? field;

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
			label: auditFieldLabel(entry.entityType, field),
			...(has(before) ? { before: value(before[field]) } : {}),
			...(has(after) ? { after: value(after[field]) } : {})
		});
	}
	return out;
}
