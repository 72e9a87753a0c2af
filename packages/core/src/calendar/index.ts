/** The working-day calendar: dates, China's holiday data, working-day arithmetic. */
export * from './dates.ts';
export * from './calendar.ts';
export * from './working-days.ts';
export { CN_HOLIDAYS } from './cn-holidays.ts';
import { CN_HOLIDAYS } from './cn-holidays.ts';
import { createWorkingDayCalendar } from './calendar.ts';

/** The calendar built from {@link CN_HOLIDAYS} (2025 and 2026). */
export const CN_CALENDAR = createWorkingDayCalendar(CN_HOLIDAYS);
