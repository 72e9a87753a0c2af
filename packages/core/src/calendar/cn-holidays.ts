/**
 * The State Council's published holiday arrangements (国务院办公厅关于部分节假日安排的通知), as data.
 *
 * Sources: 2025 — 国办发明电〔2024〕12号 (2024-11-12); 2026 — notice of 2025-11-04. Off ranges are
 * inclusive and include the weekend days inside them; make-up days (调休上班) are weekend days that
 * become working days. The weekday each make-up day "works as" is not in the notices: it is derived by
 * {@link createWorkingDayCalendar} (see its documentation) and can be stated explicitly with `worksAs`.
 */
import type { CalendarYearData } from './calendar.ts';

/** China's 2025 and 2026 arrangements, shipped with the core. Add later years with `mergeCalendarYears`. */
export const CN_HOLIDAYS: readonly CalendarYearData[] = [
	{
		year: 2025,
		source: '国办发明电〔2024〕12号',
		holidays: [
			{
				name: '元旦',
				nameEn: "New Year's Day",
				from: '2025-01-01',
				to: '2025-01-01',
				makeUpDays: []
			},
			{
				name: '春节',
				nameEn: 'Spring Festival',
				from: '2025-01-28',
				to: '2025-02-04',
				makeUpDays: ['2025-01-26', '2025-02-08']
			},
			{
				name: '清明节',
				nameEn: 'Qingming Festival',
				from: '2025-04-04',
				to: '2025-04-06',
				makeUpDays: []
			},
			{
				name: '劳动节',
				nameEn: 'Labour Day',
				from: '2025-05-01',
				to: '2025-05-05',
				makeUpDays: ['2025-04-27']
			},
			{
				name: '端午节',
				nameEn: 'Dragon Boat Festival',
				from: '2025-05-31',
				to: '2025-06-02',
				makeUpDays: []
			},
			{
				name: '国庆节、中秋节',
				nameEn: 'National Day and Mid-Autumn Festival',
				from: '2025-10-01',
				to: '2025-10-08',
				makeUpDays: ['2025-09-28', '2025-10-11']
			}
		]
	},
	{
		year: 2026,
		source: '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)',
		holidays: [
			{
				name: '元旦',
				nameEn: "New Year's Day",
				from: '2026-01-01',
				to: '2026-01-03',
				makeUpDays: ['2026-01-04']
			},
			{
				name: '春节',
				nameEn: 'Spring Festival',
				from: '2026-02-15',
				to: '2026-02-23',
				makeUpDays: ['2026-02-14', '2026-02-28']
			},
			{
				name: '清明节',
				nameEn: 'Qingming Festival',
				from: '2026-04-04',
				to: '2026-04-06',
				makeUpDays: []
			},
			{
				name: '劳动节',
				nameEn: 'Labour Day',
				from: '2026-05-01',
				to: '2026-05-05',
				makeUpDays: ['2026-05-09']
			},
			{
				name: '端午节',
				nameEn: 'Dragon Boat Festival',
				from: '2026-06-19',
				to: '2026-06-21',
				makeUpDays: []
			},
			{
				name: '中秋节',
				nameEn: 'Mid-Autumn Festival',
				from: '2026-09-25',
				to: '2026-09-27',
				makeUpDays: []
			},
			{
				name: '国庆节',
				nameEn: 'National Day',
				from: '2026-10-01',
				to: '2026-10-07',
				makeUpDays: ['2026-09-20', '2026-10-10']
			}
		]
	}
];
