import { addDays, datesNeedYear, shanghaiDate } from '@xuefa/core';
import { canAnywhere, inScope } from '../../authz/index.ts';
import type { Ctx } from '../../context.ts';
import { unit } from '../../db/schema/index.ts';
import { ForbiddenError } from '../../errors.ts';
import { sessionsQuery } from './calendar.ts';
import { myCredits } from './credits.ts';
import { markProvisional } from './provisional.ts';
import { myReadings } from './readings.ts';

/** The study home: a cadre's own coming sessions; for organisers, HR and admins their units' too. */
export async function studyOverview(ctx: Ctx) {
	const attend = canAnywhere(ctx.user, 'study.attend') && ctx.user.personId !== null;
	const read = canAnywhere(ctx.user, 'study.read');
	if (!attend && !read) throw new ForbiddenError();
	const today = shanghaiDate(ctx.now);
	const mine = attend
		? await sessionsQuery(ctx.db, today, addDays(today, 60), { personId: ctx.user.personId })
		: [];
	const units = read
		? await sessionsQuery(ctx.db, today, addDays(today, 14), {
				personId: null,
				unitWhere: inScope(ctx.user, 'study.read', unit.path)
			}).limit(50)
		: [];
	const mark = await markProvisional(ctx);
	return {
		today,
		mine: mine.slice(0, 10).map(mark),
		units: units.map(mark),
		credits: attend ? await myCredits(ctx) : null,
		may: { attend, read, manage: canAnywhere(ctx.user, 'study.manage') }
	};
}

/**
 * The home page's card for a cadre: their coming sessions (not cancelled) and the materials they
 * have not signed off yet. Null for someone who does not attend the programme.
 */
export async function studyAgenda(ctx: Ctx) {
	if (!canAnywhere(ctx.user, 'study.attend') || ctx.user.personId === null) return null;
	const today = shanghaiDate(ctx.now);
	const sessions = await sessionsQuery(ctx.db, today, addDays(today, 60), {
		personId: ctx.user.personId
	});
	const mark = await markProvisional(ctx);
	const coming = sessions
		.filter((s) => s.status !== 'cancelled')
		.slice(0, 5)
		.map(mark);
	const unsigned = await myReadings(ctx, { unsignedOnly: true, limit: 5 });
	return {
		sessions: coming,
		unsigned,
		// in December the card reaches into January: 2027/1/4, not 1/4
		showYear: datesNeedYear(
			[...coming.map((s) => s.date), ...unsigned.flatMap((r) => r.dueDate ?? [])],
			ctx.now
		),
		credits: await myCredits(ctx)
	};
}
