import { t } from '$lib/i18n.ts';
import type { Ctx } from '../../context.ts';
import { writeWorkbook } from '../../spreadsheet/index.ts';
import { sittingResults } from './manage.ts';

/** A sitting's results as an .xlsx workbook: one row per person on the roster. */
export async function resultsWorkbook(ctx: Ctx, sittingId: number): Promise<Uint8Array> {
	const r = await sittingResults(ctx, sittingId);
	const time = (d: Date | null | undefined) =>
		d ? d.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16) : '';
	return writeWorkbook([
		{
			name: t('results_sheet'),
			columns: [
				{ header: t('results_employee_no'), text: true, width: 14 },
				{ header: t('results_name'), width: 12 },
				{ header: t('results_unit'), width: 24 },
				{ header: t('results_attempt'), width: 8 },
				{ header: t('results_state'), width: 12 },
				{ header: t('results_started'), width: 18 },
				{ header: t('results_submitted'), width: 18 },
				{ header: t('results_score'), width: 10 },
				{ header: t('results_band'), width: 10 },
				{ header: t('results_passed'), width: 10 }
			],
			rows: r.rows.map((p) => {
				const a = p.attempt;
				return [
					p.employeeNo,
					p.name,
					p.unitName,
					a ? String(a.number) : '',
					t(`attempt_state_${a?.state ?? 'not_started'}`),
					time(a?.startedAt),
					time(a?.submittedAt),
					a?.state === 'graded' && a.score !== null ? String(a.score) : '',
					a?.band ? t(`exam_band_${a.band}`) : '',
					a?.passed == null ? '' : a.passed ? t('exam_passed') : t('exam_failed')
				];
			})
		}
	]);
}
