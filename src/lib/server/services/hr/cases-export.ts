import { messageFor } from '@xuefa/core';
import type { Ctx } from '../../context.ts';
import { writeWorkbook } from '../../spreadsheet/index.ts';
import { zh } from '../study/plan-export.ts';
import { type CaseFilter, listCases } from './cases.ts';

/** The case list as a workbook with Chinese headers: the same cases, gates and reasons as the page. */
export async function exportCases(ctx: Ctx, filter: CaseFilter) {
	const rows = await listCases(ctx, filter);
	const header = (key: string, width: number) => ({ header: zh(key), width });
	return writeWorkbook([
		{
			name: zh('hr_cases_sheet'),
			columns: [
				header('hr_col_unit', 24),
				{ ...header('hr_col_employee_no', 12), text: true },
				header('hr_col_name', 12),
				header('hr_col_post', 24),
				header('hr_col_route', 12),
				header('hr_col_public_notice', 12),
				header('hr_col_planned', 12),
				header('hr_col_state', 10),
				header('hr_col_gate', 10),
				header('hr_col_reason', 48)
			],
			rows: rows.map((r) => [
				r.unitName,
				r.employeeNo,
				r.name,
				r.proposedPost,
				zh(`route_${r.appointmentRoute}`),
				r.publicNoticeOn ?? '',
				r.plannedOn ?? '',
				zh(`hr_state_${r.state}`),
				r.allowed === null ? '' : zh(r.allowed ? 'hr_gate_allowed' : 'hr_gate_blocked'),
				r.firstReason ? messageFor(r.firstReason.code, r.firstReason.data, 'zh-CN') : ''
			]),
			validationRows: 0
		}
	]);
}
