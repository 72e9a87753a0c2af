import { addDays, dayInfo, diffDays, shanghaiDate, weekStart } from '@xuefa/core';
import type { CalendarViewInput } from '$lib/schemas/study.ts';
import type { Ctx } from '../../context.ts';
import { workingDayCalendar } from '../calendar/load.ts';
import { datedBetween, visibleSessions } from './calendar.ts';
import { markProvisional } from './provisional.ts';

const lastOfMonth = (month: string) => {
	const [y, m] = month.split('-').map(Number) as [number, number];
	return addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
};

/**
 * A month (whole weeks, Monday first) or a week of the user's visible sessions, each day with what
 * the working-day calendar says of it (holiday, make-up working day).
 */
export async function calendarView(ctx: Ctx, input: CalendarViewInput) {
	const today = shanghaiDate(ctx.now);
	let from: string;
	let to: string;
	let prev: string;
	let next: string;
	let month: string;
	if (input.view === 'week') {
		from = weekStart(input.date ?? today);
		to = addDays(from, 6);
		month = from.slice(0, 7);
		prev = `view=week&date=${addDays(from, -7)}`;
		next = `view=week&date=${addDays(from, 7)}`;
	} else {
		month = input.month ?? today.slice(0, 7);
		from = weekStart(`${month}-01`);
		to = addDays(weekStart(lastOfMonth(month)), 6);
		prev = `month=${addDays(`${month}-01`, -1).slice(0, 7)}`;
		next = `month=${addDays(lastOfMonth(month), 1).slice(0, 7)}`;
	}
	const sessions = (await visibleSessions(ctx, datedBetween(from, to))).map(
		await markProvisional(ctx)
	);
	const calendar = await workingDayCalendar(ctx.db);
	const days = Array.from({ length: diffDays(from, to) + 1 }, (_, i) => {
		const date = addDays(from, i);
		const info = dayInfo(calendar, date);
		return {
			date,
			inMonth: date.startsWith(month),
			today: date === today,
			kind: info.kind,
			holiday: info.holiday ?? null,
			sessions: sessions.filter((s) => s.date === date)
		};
	});
	return { view: input.view, month, from, to, today, prev, next, days, sessions };
}
