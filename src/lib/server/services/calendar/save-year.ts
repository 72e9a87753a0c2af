import { and, gte, lte } from 'drizzle-orm';
import {
	type CalendarYearData,
	CN_HOLIDAYS,
	ValidationError,
	createWorkingDayCalendar,
	mergeCalendarYears
} from '@xuefa/core';
import type { CalendarYearInput } from '$lib/schemas/calendar.ts';
import { authorizeAnywhere } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import { issueFields } from '../../core-messages.ts';
import { calendarYear, studySchedule } from '../../db/schema/index.ts';
import { type FieldErrors, InvalidInputError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { syncSchedule } from '../study/sync.ts';
import { makeUpPairing, storedYears, withStored } from './load.ts';
import { withSpeaker } from './speakers.ts';

/** The year as the core takes it; rows keep their form index in `rowOf`. */
function yearData(input: CalendarYearInput) {
	const rows = Object.entries(input.holidays).sort(([a], [b]) => Number(a) - Number(b));
	const data: CalendarYearData = {
		year: input.year,
		...(input.source ? { source: input.source } : {}),
		holidays: rows.map(([, h]) => ({
			name: h.name,
			from: h.from,
			to: h.to,
			makeUpDays: h.makeUpDays
		}))
	};
	return { data, rowOf: rows.map(([i]) => i) };
}

/** A core issue's path (`0.holidays.2.makeUpDays.1`) as the form field it is about. */
function fieldOf(path: string, rowOf: string[]): string {
	const m = /^0\.holidays\.(\d+)(?:\.(\w+))?/.exec(path);
	if (!m) return path.endsWith('year') ? 'year' : '_';
	const row = rowOf[Number(m[1])] ?? m[1];
	const part = m[2] === 'name' || m[2] === 'makeUpDays' ? m[2] : 'to';
	return `holidays.${row}.${part}`;
}

/** What a save did to the study programme: sessions added, moved or cancelled, and those with a speaker. */
export interface CalendarSaved {
	changed: number;
	/** The moved, cancelled or reinstated sessions that have a speaker, to be told (by date). */
	speakerSessionIds: number[];
}

/**
 * Adds a year of official holiday arrangements (or replaces one, for a corrected notice): checked
 * by the core's mergeCalendarYears (ranges, make-up days on weekends, overlaps with other years),
 * stored, audited, and every schedule reaching into the year generated again on the new calendar.
 */
export async function saveCalendarYear(ctx: Ctx, input: CalendarYearInput): Promise<CalendarSaved> {
	authorizeAnywhere(ctx, 'calendar.manage');
	const { data, rowOf } = yearData(input);
	const stored = await storedYears(ctx.db);
	let merged: CalendarYearData[];
	try {
		merged = mergeCalendarYears(withStored(stored), [data], { replace: input.replace });
	} catch (e) {
		if (!(e instanceof ValidationError)) throw e;
		const fields: FieldErrors = issueFields(e.issues, (path) => fieldOf(path, rowOf));
		const exists = e.issues.some((i) => i.code === 'calendar.year.exists');
		throw new InvalidInputError(fields, exists ? 'calendar_year_exists' : 'error_invalid_input', {
			year: input.year
		});
	}
	const calendar = createWorkingDayCalendar(merged, { makeUpPairing: await makeUpPairing(ctx.db) });
	const before =
		stored.find((y) => y.year === data.year) ??
		CN_HOLIDAYS.find((y) => y.year === data.year) ??
		null;
	return transact(ctx, async (tx) => {
		await tx.db
			.insert(calendarYear)
			.values({ year: data.year, data, updatedAt: tx.now, updatedBy: tx.user.id })
			.onConflictDoUpdate({
				target: calendarYear.year,
				set: { data, updatedAt: tx.now, updatedBy: tx.user.id }
			});
		const schedules = await tx.db
			.select()
			.from(studySchedule)
			.where(
				and(
					lte(studySchedule.startDate, `${data.year}-12-31`),
					gte(studySchedule.endDate, `${data.year - 1}-12-01`)
				)
			);
		let changed = 0;
		const changedIds: number[] = [];
		for (const s of schedules) {
			const r = await syncSchedule(tx, s, calendar);
			changed += r.created + r.changed + r.removed;
			changedIds.push(...r.changedIds);
		}
		const speakerSessionIds = await withSpeaker(tx.db, changedIds);
		await appendAudit(tx, {
			action: 'calendar.year_saved',
			entityType: 'calendar_year',
			entityId: data.year,
			before,
			after: {
				...data,
				schedules: schedules.length,
				sessionsChanged: changed,
				speakerSessions: speakerSessionIds.length
			}
		});
		return { changed, speakerSessionIds };
	});
}

/** Every year the calendar knows, shipped or entered, with where it comes from. */
export async function calendarYears(ctx: Ctx) {
	authorizeAnywhere(ctx, 'calendar.manage');
	const stored = await ctx.db.select().from(calendarYear);
	return withStored(stored.map((s) => s.data)).map((y) => {
		const row = stored.find((s) => s.year === y.year);
		return { ...y, entered: row ? { at: row.updatedAt } : null };
	});
}
