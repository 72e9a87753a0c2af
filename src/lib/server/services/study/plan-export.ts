import { formatLawCitation } from '@xuefa/core';
import type { Ctx } from '../../context.ts';
import { writeWorkbook } from '../../spreadsheet/index.ts';
import { zh } from '../../spreadsheet/zh.ts';
import { getPlan } from './plans.ts';

export { zh } from '../../spreadsheet/zh.ts';

/** The laws of an item as one cell: 《行政复议法》第二条、《公务员法》. */
export const lawsCell = (laws: readonly { lawId: string; articleNo?: number }[]) =>
	laws.map((l) => formatLawCitation(l)).join('、');

/**
 * The plan as a workbook with Chinese headers, as the district files it: one row per item in
 * month order, with whether it has been held.
 */
export async function exportPlan(ctx: Ctx, planId: number) {
	const { plan, items, progress } = await getPlan(ctx, planId);
	const overdue = new Set(progress.overdueItemIds);
	const header = (key: string, width: number) => ({ header: zh(key), width });
	const bytes = await writeWorkbook([
		{
			name: zh('study_plan_sheet'),
			columns: [
				header('study_col_no', 6),
				header('study_plan_when', 12),
				header('study_topic', 36),
				header('study_form', 10),
				header('study_laws', 36),
				header('study_speaker', 16),
				header('study_planned_minutes', 12),
				header('study_materials_note', 30),
				header('study_plan_item_state', 10)
			],
			rows: items.map((i, n) => [
				String(n + 1),
				i.plannedDate ?? i.plannedMonth,
				i.topic,
				zh(`study_form_${i.form}`),
				lawsCell(i.laws),
				i.speaker,
				i.plannedMinutes === null ? '' : String(i.plannedMinutes),
				i.materialsNote,
				zh(
					i.held
						? 'study_plan_item_held'
						: i.short
							? 'study_plan_item_short'
							: overdue.has(String(i.id))
								? 'study_plan_item_overdue'
								: 'study_plan_item_pending'
				)
			]),
			validationRows: 0
		}
	]);
	return { bytes, plan };
}
