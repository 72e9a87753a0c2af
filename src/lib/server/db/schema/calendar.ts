import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { CalendarYearData } from '@xuefa/core';
import { user } from './auth.ts';

/**
 * Years of the working-day calendar entered by an administrator from the State Council's notice
 * (2027 onwards, or a corrected year); merged over the years the core ships (`CN_HOLIDAYS`).
 */
export const calendarYear = sqliteTable('calendar_year', {
	year: integer().primaryKey(),
	/** The core's `CalendarYearData`, as validated by `mergeCalendarYears`. */
	data: text({ mode: 'json' }).notNull().$type<CalendarYearData>(),
	updatedAt: integer({ mode: 'timestamp_ms' }).notNull(),
	updatedBy: integer().references(() => user.id)
});
