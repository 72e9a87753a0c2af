import { z } from 'zod';
import { isIsoDate } from '@xuefa/core';
import { checkbox, optionalText, required } from './common.ts';
import { HOLIDAY_ROWS } from './limits.ts';
export { HOLIDAY_ROWS, USUAL_HOLIDAYS } from './limits.ts';

const date = z.string(required).trim().refine(isIsoDate, { error: 'err_date' });

/**
 * Make-up days as typed: dates separated by commas, spaces or 、; a date may name the weekday it
 * works as (2027-02-06=5, when the notice says so).
 */
const makeUpDays = z
	.string()
	.max(200, { error: 'err_too_long' })
	.transform((v, c) => {
		const days: (string | { date: string; worksAs: 1 | 2 | 3 | 4 | 5 })[] = [];
		for (const token of v.split(/[\s,，、;；]+/).filter(Boolean)) {
			const m = /^(\d{4}-\d{2}-\d{2})(?:=([1-5]))?$/.exec(token);
			if (!m || !isIsoDate(m[1])) {
				c.addIssue({ code: 'custom', message: 'err_calendar_make_up' });
				return z.NEVER;
			}
			days.push(m[2] ? { date: m[1]!, worksAs: Number(m[2]) as 1 | 2 | 3 | 4 | 5 } : m[1]!);
		}
		return days;
	});

const holidayRow = z.object({
	name: z.string().trim().min(1, required).max(20, { error: 'err_too_long' }),
	from: date,
	to: date,
	makeUpDays
});

/**
 * A year of official holiday arrangements, posted as `holidays.<i>.name|from|to|makeUpDays` rows;
 * rows left blank (a prefilled name alone counts as blank) drop out.
 */
export const calendarYearInput = z.preprocess(
	(v) => {
		const form = v as Record<string, unknown>;
		const field = (i: number, k: string) => String(form[`holidays.${i}.${k}`] ?? '').trim();
		const holidays: Record<string, unknown> = {};
		for (let i = 0; i < HOLIDAY_ROWS; i++) {
			if (!field(i, 'from') && !field(i, 'to') && !field(i, 'makeUpDays')) continue;
			holidays[String(i)] = {
				name: field(i, 'name'),
				from: field(i, 'from'),
				to: field(i, 'to'),
				makeUpDays: field(i, 'makeUpDays')
			};
		}
		return { ...form, holidays };
	},
	z.object({
		year: z.coerce.number({ error: 'err_invalid' }).int().min(2000).max(2999),
		source: optionalText(200),
		replace: checkbox,
		holidays: z
			.record(z.string(), holidayRow)
			.refine((h) => Object.keys(h).length > 0, { error: 'err_calendar_no_holidays' })
	})
);
export type CalendarYearInput = z.infer<typeof calendarYearInput>;

/** Field names of the holiday rows, for refilling the form. */
export const HOLIDAY_ROW_FIELDS = /^holidays\.\d{1,2}\.(name|from|to|makeUpDays)$/;
