import type { Ctx } from '../../context.ts';
import { writeWorkbook } from '../../spreadsheet/index.ts';
import { unitCredits } from './credits.ts';
import { zh } from './plan-export.ts';

/** Who is behind on credits this year, per unit, as a workbook with Chinese headers. */
export async function exportCredits(ctx: Ctx, options: { behindOnly: boolean }) {
	const { year, rows } = await unitCredits(ctx, options);
	const header = (key: string, width: number) => ({ header: zh(key), width });
	const bytes = await writeWorkbook([
		{
			name: zh('credits_sheet'),
			columns: [
				header('credits_col_unit', 24),
				header('credits_col_name', 12),
				header('credits_col_employee_no', 12),
				header('credits_col_sessions', 10),
				header('credits_col_signoffs', 10),
				header('credits_col_practice', 10),
				header('credits_col_total', 10),
				header('credits_col_shortfall', 10)
			],
			rows: rows.map((r) => [
				r.unitName,
				r.name,
				r.employeeNo,
				String(r.credits.sessions),
				String(r.credits.signOffs),
				String(r.credits.practice),
				String(r.credits.total),
				String(r.credits.shortfall)
			]),
			validationRows: 0
		}
	]);
	return { bytes, year };
}
