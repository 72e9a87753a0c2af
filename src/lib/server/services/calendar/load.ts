import { asc } from 'drizzle-orm';
import {
	CN_HOLIDAYS,
	type CalendarYearData,
	MAKE_UP_PAIRINGS,
	type MakeUpPairing,
	type WorkingDayCalendar,
	createWorkingDayCalendar
} from '@xuefa/core';
import type { ReadDb } from '../../db/index.ts';
import { calendarYear } from '../../db/schema/index.ts';
import { readSettings } from '../../settings.ts';

/** How make-up working days are paired with weekdays: a district setting, default none. */
export async function makeUpPairing(db: ReadDb): Promise<MakeUpPairing> {
	const s = await readSettings(
		db,
		{ 'calendar.makeUpPairing': 'none' as MakeUpPairing },
		{ 'calendar.makeUpPairing': (v) => MAKE_UP_PAIRINGS.includes(v as MakeUpPairing) }
	);
	return s['calendar.makeUpPairing'];
}

/** The years entered by administrators, ascending. */
export async function storedYears(db: ReadDb): Promise<CalendarYearData[]> {
	const rows = await db.select().from(calendarYear).orderBy(asc(calendarYear.year));
	return rows.map((r) => r.data);
}

/** The shipped years with the stored ones over them (a stored year replaces a shipped one). */
export function withStored(stored: readonly CalendarYearData[]): CalendarYearData[] {
	const byYear = new Map(CN_HOLIDAYS.map((y) => [y.year, y]));
	for (const y of stored) byYear.set(y.year, y);
	return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/**
 * The working-day calendar as the district uses it: read from the database on each use (a year an
 * administrator adds in one app process is seen by every other at once), with the district's pairing.
 */
export async function workingDayCalendar(db: ReadDb): Promise<WorkingDayCalendar> {
	const stored = await storedYears(db);
	const pairing = await makeUpPairing(db);
	return createWorkingDayCalendar(withStored(stored), { makeUpPairing: pairing });
}
