import type { Ctx } from '../../context.ts';
import { type ListExport, inPages } from '../../spreadsheet/index.ts';
import { zh, zhColumn } from '../../spreadsheet/zh.ts';
import { unitCredits } from './credits.ts';

/**
 * Who is behind on credits in a year (this year unless asked), per unit, as a workbook with Chinese headers. The credits
 * are sums over the year, computed for everyone at once, then written a page at a time.
 */
export async function exportCredits(
	ctx: Ctx,
	options: { behindOnly: boolean; year?: number }
): Promise<{ list: ListExport; year: number }> {
	const { year, rows } = await unitCredits(ctx, options);
	const list: ListExport = {
		sheet: zh('credits_sheet'),
		columns: [
			zhColumn('credits_col_unit', 24),
			zhColumn('credits_col_name', 12),
			zhColumn('credits_col_employee_no', 12, true),
			zhColumn('credits_col_sessions', 10),
			zhColumn('credits_col_signoffs', 10),
			zhColumn('credits_col_practice', 10),
			zhColumn('credits_col_total', 10),
			zhColumn('credits_col_shortfall', 10)
		],
		rows: rows.length,
		pages: inPages(
			rows.map((r) => [
				r.unitName,
				r.name,
				r.employeeNo,
				String(r.credits.sessions),
				String(r.credits.signOffs),
				String(r.credits.practice),
				String(r.credits.total),
				String(r.credits.shortfall)
			])
		)
	};
	return { list, year };
}
