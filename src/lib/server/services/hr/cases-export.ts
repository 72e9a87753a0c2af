import { messageFor } from '@xuefa/core';
import type { Ctx } from '../../context.ts';
import { type ListExport, mapPages } from '../../spreadsheet/index.ts';
import { zh, zhColumn } from '../../spreadsheet/zh.ts';
import { type CaseFilter, allCases, countCases } from './cases.ts';

/**
 * The case list as a workbook with Chinese headers: every case the filter selects (not only the
 * page on screen), with the same gates and reasons as the page, read a page at a time.
 */
export async function exportCases(ctx: Ctx, filter: CaseFilter): Promise<ListExport> {
	return {
		sheet: zh('hr_cases_sheet'),
		columns: [
			zhColumn('hr_col_unit', 24),
			zhColumn('hr_col_employee_no', 12, true),
			zhColumn('hr_col_name', 12),
			zhColumn('hr_col_post', 24),
			zhColumn('hr_col_route', 12),
			zhColumn('hr_col_public_notice', 12),
			zhColumn('hr_col_planned', 12),
			zhColumn('hr_col_state', 10),
			zhColumn('hr_col_gate', 10),
			zhColumn('hr_col_reason', 48),
			zhColumn('hr_col_evidence', 32)
		],
		rows: await countCases(ctx, filter),
		pages: mapPages(allCases(ctx, filter), (r) => [
			r.unitName,
			r.employeeNo,
			r.name,
			r.proposedPost,
			zh(`route_${r.appointmentRoute}`),
			r.publicNoticeOn ?? '',
			r.plannedOn ?? '',
			zh(`hr_state_${r.state}`),
			r.allowed === null ? '' : zh(r.allowed ? 'hr_gate_allowed' : 'hr_gate_blocked'),
			r.firstReason ? messageFor(r.firstReason.code, r.firstReason.data, 'zh-CN') : '',
			r.lapse ? zh(r.lapse.appointed ? 'hr_lapse_short_review' : 'hr_lapse_short_blocked') : ''
		])
	};
}
