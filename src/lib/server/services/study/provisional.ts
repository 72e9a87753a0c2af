import { awaitsHolidayArrangements } from '@xuefa/core';
import type { Ctx } from '../../context.ts';
import { workingDayCalendar } from '../calendar/load.ts';

/**
 * Marks the coming sessions whose year's holiday arrangements are not entered yet (`provisional`):
 * a cadre looking at next January's Mondays in December is told they may still move.
 */
export async function markProvisional(ctx: Pick<Ctx, 'db' | 'now'>) {
	const calendar = await workingDayCalendar(ctx.db);
	return <S extends { date: string; status: string }>(s: S): S & { provisional: boolean } => ({
		...s,
		provisional: s.status === 'planned' && awaitsHolidayArrangements(calendar, s.date, ctx.now)
	});
}
