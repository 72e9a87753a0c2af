import { describe, expect, it } from 'vitest';
import {
	CN_HOLIDAYS,
	createWorkingDayCalendar,
	generateOccurrences,
	sessionEvents,
	sittingEvent,
	toICalendar
} from '../index.ts';

const stamp = new Date('2025-01-02T03:04:05Z');
const options = { domain: 'xuefa.example.gov.cn', stamp, name: '会前学法' };

describe('toICalendar', () => {
	const { occurrences } = generateOccurrences(
		{
			id: 'weekly',
			weekday: 1,
			intervalWeeks: 1,
			startDate: '2025-01-20',
			endDate: '2025-02-10',
			startTime: '08:30',
			durationMinutes: 40,
			makeUpDays: 'follow',
			overrides: [{ slot: '2025-02-10', action: 'cancel' }]
		},
		// a district that pairs make-up days with the last weekdays off, and a schedule that follows them
		createWorkingDayCalendar(CN_HOLIDAYS, { makeUpPairing: 'last_weekdays_off' }),
		{ includeCancelled: true }
	);
	const ics = toICalendar(
		sessionEvents(occurrences, { summary: '会前学法：行政复议法', location: '区政府第一会议室' }),
		options
	);

	it('writes Shanghai wall-clock times with a VTIMEZONE and a UTC stamp', () => {
		expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai');
		expect(ics).toContain('DTSTART;TZID=Asia/Shanghai:20250120T083000');
		expect(ics).toContain('DTEND;TZID=Asia/Shanghai:20250120T091000');
		// The make-up Sunday 2025-01-26 holds the Monday 02-03 session.
		expect(ics).toContain('DTSTART;TZID=Asia/Shanghai:20250126T083000');
		expect(ics).toContain('DTSTAMP:20250102T030405Z');
		expect(ics.indexOf('BEGIN:VTIMEZONE')).toBeLessThan(ics.indexOf('BEGIN:VEVENT'));
	});

	it('uses stable UIDs from the record ids, and publishes cancellations', () => {
		expect(ics).toContain('UID:weekly/2025-02-03@xuefa.example.gov.cn');
		expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(4);
		const cancelled = ics.split('BEGIN:VEVENT').find((b) => b.includes('UID:weekly/2025-02-10@'));
		expect(cancelled).toContain('STATUS:CANCELLED');
	});

	it('is deterministic (same input, same text)', () => {
		expect(
			toICalendar(
				sessionEvents(occurrences, {
					summary: '会前学法：行政复议法',
					location: '区政府第一会议室'
				}),
				options
			)
		).toBe(ics);
	});

	it('renders exam sittings in Asia/Shanghai time with a SEQUENCE', () => {
		const e = sittingEvent({
			id: 's1',
			name: '任前法律知识考试',
			opensAt: '2025-03-10T01:00:00Z',
			closesAt: '2025-03-10T03:00:00Z',
			sequence: 2
		});
		expect(e).toMatchObject({
			id: 'sitting/s1',
			date: '2025-03-10',
			startTime: '09:00',
			durationMinutes: 120
		});
		const text = toICalendar([e], options);
		expect(text).toContain('DTSTART;TZID=Asia/Shanghai:20250310T090000');
		expect(text).toContain('SEQUENCE:2');
	});
});
