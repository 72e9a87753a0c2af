/** iCalendar output. */
export * from './ical.ts';
