/**
 * The year-end assessment as an assessment office files it: a title row (district and year), one row
 * per unit in rank order (rank, unit, each indicator in per cent, the rule-of-law score and its
 * share-weighted score), Chinese headers, and a notes row with the weights, the share and the day
 * the figures run to. Numbers are stored as numbers, so that the office can sum and sort them.
 */
import ExcelJS from 'exceljs';
import { ASSESSMENT_INDICATORS } from '@xuefa/core';
import type { Ctx } from '../../context.ts';
import { zh } from '../study/plan-export.ts';
import { assessment } from './view.ts';
import { cellText } from '../../spreadsheet/write.ts';

/** An indicator's ratio as a percentage with one decimal, or 不适用 when nothing was due. */
const pct = (v: number | null) =>
	v === null ? zh('oversight_not_applicable') : Math.round(v * 1000) / 10;

export async function assessmentWorkbook(ctx: Ctx, input: { unitId?: number; year: number }) {
	const a = await assessment(ctx, input);
	const { weights, sharePercent } = a.settings;
	const district = a.roots.map((r) => r.name).join('、');
	const headers = [
		zh('oversight_col_rank'),
		zh('oversight_col_unit'),
		...ASSESSMENT_INDICATORS.map((k) =>
			zh('oversight_col_percent', { label: zh(`oversight_ind_${k}`) })
		),
		zh('oversight_col_score'),
		zh('oversight_col_share_score', { share: sharePercent })
	];
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Xuefa';
	const sheet = workbook.addWorksheet(zh('oversight_sheet'), {
		views: [{ state: 'frozen', ySplit: 2 }]
	});
	sheet.columns = headers.map((h, i) => ({ width: i === 1 ? 28 : Math.max(10, h.length * 2) }));

	sheet.addRow([zh('oversight_export_title', { district, year: input.year })]);
	sheet.mergeCells(1, 1, 1, headers.length);
	const title = sheet.getCell(1, 1);
	title.font = { bold: true, size: 14 };
	title.alignment = { horizontal: 'center' };

	const head = sheet.addRow(headers);
	head.eachCell((cell) => {
		cell.font = { bold: true };
		cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
		cell.border = { bottom: { style: 'thin' } };
	});
	for (const r of a.rows) {
		const name = r.group.own ? zh('oversight_own_unit', { unit: r.group.name }) : r.group.name;
		sheet.addRow([
			r.result.rank ?? null,
			cellText(name),
			...ASSESSMENT_INDICATORS.map((k) => pct(r.result.indicators[k])),
			r.result.assessed ? r.result.score : zh('oversight_not_assessed'),
			r.shareScore
		]);
	}
	sheet.addRow([]);
	const notes = sheet.addRow([
		zh('oversight_export_notes', {
			weights: ASSESSMENT_INDICATORS.map((k) => `${zh(`oversight_ind_${k}`)} ${weights[k]}`).join(
				'，'
			),
			share: sharePercent,
			date: a.asOf
		})
	]);
	sheet.mergeCells(notes.number, 1, notes.number, headers.length);
	notes.getCell(1).alignment = { wrapText: true, vertical: 'top' };
	notes.height = 60;
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}
