import { messageFor } from '@xuefa/core';
import type { Ctx } from '../../context.ts';
import { type ListExport, inPages } from '../../spreadsheet/index.ts';
import { zh, zhColumn } from '../../spreadsheet/zh.ts';
import { oathRegister } from './oaths.ts';

type Status = Awaited<ReturnType<typeof oathRegister>>['register'][number]['status'];

/** The oath state in words, as the register shows it. */
function stateText(s: Status): string {
	if (s.state === 'overdue')
		return zh('hr_oath_overdue', { deadline: s.deadline, days: -s.daysLeft });
	if (s.state === 'due') return zh('hr_oath_due', { deadline: s.deadline, days: s.daysLeft });
	if (s.state === 'done') return zh('hr_oath_done', { date: s.takenOn });
	return zh('hr_oath_not_required');
}

/**
 * The oath register as a workbook with Chinese headers, in the page's order (overdue first). Each
 * state depends on the ceremonies, so the register is worked out whole, as the page does.
 */
export async function exportOaths(ctx: Ctx): Promise<ListExport> {
	const { register } = await oathRegister(ctx);
	return {
		sheet: zh('hr_oaths_title'),
		columns: [
			zhColumn('hr_col_unit', 24),
			zhColumn('hr_col_name', 12),
			zhColumn('hr_col_employee_no', 12, true),
			zhColumn('hr_oath_post', 24),
			zhColumn('hr_case_body', 20),
			zhColumn('hr_appointed_date', 12),
			zhColumn('hr_oath_state', 30)
		],
		rows: register.length,
		pages: inPages(
			register.map((r) => [
				r.unitName,
				r.name,
				r.employeeNo,
				r.post,
				messageFor(`oath.body.${r.appointingBody}`, {}, 'zh-CN'),
				r.appointedOn,
				stateText(r.status)
			])
		)
	};
}
