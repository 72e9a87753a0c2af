/**
 * A person's record as a workbook: one sheet per part the viewer may see, headers in the reader's
 * language (Chinese by default), the same values as the page.
 */
import { certificateReasonLabel } from '$lib/labels/exams.ts';
import { gateText, oathStateText } from '$lib/labels/hr.ts';
import { m, t } from '$lib/i18n.ts';
import { formatDateTime, rankLabel, statusLabel } from '$lib/labels.ts';
import { getLocale } from '$lib/paraglide/runtime.js';
import { type SheetSpec, writeWorkbook } from '../../spreadsheet/index.ts';
import { xlsxResponse } from '../../spreadsheet/response.ts';
import type { PersonRecord } from './record.ts';

const col = (header: string, width = 14, text = false) => ({ header, width, text });
const dash = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
const withReason = (state: string, reason: string | null | undefined) =>
	reason ? m.hr_state_with_reason({ state, reason }) : state;

type RecordAttempt = NonNullable<PersonRecord['exams']>['attempts'][number];

/** An attempt's result in words, saying which attempt counts instead where its sitting counts another. */
function resultText(a: RecordAttempt): string {
	if (a.passed === null) return t(`attempt_state_${a.state}`);
	const result = a.passed ? m.exam_passed() : m.exam_failed();
	return a.countsInstead === null
		? result
		: m.common_with_note({ text: result, note: m.record_counts_instead({ n: a.countsInstead }) });
}

/** Two columns, a label and its value: the profile and the practice figures. */
const pairs = (name: string, rows: [string, string][]): SheetSpec => ({
	name,
	columns: [col(m.record_col_item(), 28), col(m.record_col_value(), 40, true)],
	rows,
	validationRows: 0
});

export function exportRecord(r: PersonRecord, locale: string): Promise<Uint8Array> {
	const p = r.person;
	const sheets: SheetSpec[] = [
		pairs(m.record_profile(), [
			[m.hr_col_name(), p.name],
			[m.hr_col_employee_no(), p.employeeNo],
			[m.hr_col_unit(), p.unitName],
			[m.person_position(), dash(p.position)],
			[m.person_rank(), rankLabel(p.rank)],
			[m.person_status(), statusLabel(p.status)]
		]),
		{
			name: m.record_credits(),
			columns: [
				col(m.record_col_year(), 8),
				col(m.credits_col_sessions()),
				col(m.credits_col_signoffs()),
				col(m.credits_col_practice()),
				col(m.credits_col_total()),
				col(m.record_col_required()),
				col(m.record_col_met())
			],
			rows: r.study.credits.map((c) => [
				String(c.year),
				String(c.sessions),
				String(c.signOffs),
				String(c.practice),
				String(c.total),
				String(c.required),
				c.met ? m.credits_met() : m.record_not_met()
			]),
			validationRows: 0
		},
		{
			name: m.record_sessions(),
			columns: [
				col(m.record_col_date(), 16),
				col(m.record_col_topic(), 32),
				col(m.record_col_form()),
				col(m.record_col_organiser(), 24),
				col(m.record_col_attendance(), 20)
			],
			rows: r.study.sessions.map((s) => [
				`${s.date} ${s.startTime}`,
				s.topic,
				t(`study_form_${s.form}`),
				s.unitName,
				withReason(t(`study_attendance_${s.status}`), s.reason)
			]),
			validationRows: 0
		},
		pairs(m.record_practice(), [
			[m.record_practice_answered(), String(r.study.practice.answered)],
			[m.record_practice_right(), String(r.study.practice.right)],
			[
				m.record_practice_accuracy(),
				r.study.practice.accuracy === null ? '—' : `${Math.round(r.study.practice.accuracy * 100)}%`
			],
			[
				m.record_practice_last(),
				r.study.practice.lastActiveAt === null
					? '—'
					: formatDateTime(r.study.practice.lastActiveAt, locale)
			],
			[m.record_practice_mistakes(), String(r.study.practice.mistakes)]
		])
	];
	if (r.exams)
		sheets.push(
			{
				name: m.record_exams(),
				columns: [
					col(m.record_col_date(), 12),
					col(m.record_col_exam(), 32),
					col(m.record_col_sitting(), 16),
					col(m.record_col_kind(), 18),
					col(m.record_col_attempt(), 8),
					col(m.record_col_score(), 10),
					col(m.record_col_band(), 10),
					col(m.record_col_result(), 10),
					col(m.record_col_void_reason(), 24)
				],
				rows: r.exams.attempts.map((a) => [
					a.takenOn,
					a.examTitle,
					a.sittingName,
					t(`exam_kind_${a.kind}`),
					String(a.number),
					a.score === null ? '—' : `${a.score} / ${a.maxScore}`,
					a.band ? t(`exam_band_${a.band}`) : '—',
					resultText(a),
					a.voidReason ?? ''
				]),
				validationRows: 0
			},
			{
				name: m.record_certificates(),
				columns: [
					col(m.record_col_exam(), 32),
					col(m.record_col_code(), 18, true),
					col(m.record_col_valid(), 26),
					col(m.record_col_state(), 16),
					col(m.record_col_review(), 12)
				],
				rows: r.exams.certificates.map((c) => [
					c.examTitle,
					c.verificationCode,
					m.record_valid_range({ from: c.validFrom, until: c.validUntil }),
					withReason(t(`cert_state_${c.state}`), c.reason && certificateReasonLabel(c.reason)),
					dash(c.reviewDue)
				]),
				validationRows: 0
			}
		);
	if (r.oaths)
		sheets.push({
			name: m.record_oaths(),
			columns: [
				col(m.hr_oath_post(), 28),
				col(m.hr_case_body(), 16),
				col(m.hr_appointed_date(), 12),
				col(m.hr_oath_state(), 32)
			],
			rows: r.oaths.map((o) => [o.post, o.body, o.appointedOn, oathStateText(o.status)]),
			validationRows: 0
		});
	if (r.cases)
		sheets.push({
			name: m.record_cases(),
			columns: [
				col(m.record_col_post(), 28),
				col(m.record_col_state(), 16),
				col(m.record_col_gate(), 12),
				col(m.record_col_reason(), 48)
			],
			rows: r.cases.map((c) => [
				c.proposedPost,
				withReason(t(`hr_state_${c.state}`), c.stateReason),
				gateText(c.allowed),
				dash(c.reason)
			]),
			validationRows: 0
		});
	return writeWorkbook(sheets);
}

/** The record's workbook as a download, in the request's language, named for the person. */
export async function recordDownload(r: PersonRecord): Promise<Response> {
	return xlsxResponse(
		await exportRecord(r, getLocale()),
		{ nameKey: 'record_filename', ascii: 'study-record' },
		r.person.employeeNo
	);
}
