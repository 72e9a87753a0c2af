/**
 * iCalendar (RFC 5545) feeds for study sessions and exam sittings, via ical-generator.
 *
 * Pure: the caller passes `stamp` (now) and gets a string. Times are written as Asia/Shanghai wall-clock
 * times with `TZID=Asia/Shanghai` and a VTIMEZONE block (fixed +08:00, no DST since 1991); DTSTAMP is
 * UTC. Dates go to ical-generator as minimal Temporal-like objects built from plain numbers, so the
 * output never depends on the machine's time zone. UIDs are `<record id>@<domain>`, so re-importing an
 * updated feed updates events instead of duplicating them; raise `sequence` when an event changes.
 */
import ical, { ICalEventStatus } from 'ical-generator';
import {
	isIsoDate,
	isLocalTime,
	shanghaiDate,
	toDayNumber,
	SHANGHAI_OFFSET_MINUTES,
	type IsoDate,
	type LocalTime
} from '../calendar/dates.ts';
import type { Occurrence } from '../study-plan/schedule.ts';
import { ValidationError } from '../errors.ts';

/** One calendar event, in Asia/Shanghai wall-clock time. */
export interface CalendarEvent {
	/** Record id; the UID is `${id}@${domain}`. Keep it stable across updates. */
	id: string;
	/** Day. */
	date: IsoDate;
	/** Start time. */
	startTime: LocalTime;
	/** Length in minutes. */
	durationMinutes: number;
	/** Title. */
	summary: string;
	/** Details. */
	description?: string;
	/** Place. */
	location?: string;
	/** A link back to the app. */
	url?: string;
	/** Publish as cancelled (STATUS:CANCELLED) so clients remove it. */
	cancelled?: boolean;
	/** Revision number (SEQUENCE), raised on every change (default 0). */
	sequence?: number;
}

/** Feed options. */
export interface ICalendarOptions {
	/** The domain for UIDs, e.g. `xuefa.example.gov.cn`. */
	domain: string;
	/** The instant the feed is generated (DTSTAMP). */
	stamp: Date;
	/** Calendar name. */
	name?: string;
	/** PRODID (default `-//Xuefa//Rules//ZH`). */
	prodId?: string;
}

const TZID = 'Asia/Shanghai';
const VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	`TZID:${TZID}`,
	`X-LIC-LOCATION:${TZID}`,
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0800',
	'TZOFFSETTO:+0800',
	'TZNAME:CST',
	'DTSTART:19700101T000000',
	'END:STANDARD',
	'END:VTIMEZONE'
].join('\r\n');

/** A minimal Temporal.ZonedDateTime stand-in (Asia/Shanghai or UTC), enough for ical-generator. */
function zoned(epochMs: number, zone: 'Asia/Shanghai' | 'UTC'): object {
	const local = new Date(epochMs + (zone === 'UTC' ? 0 : SHANGHAI_OFFSET_MINUTES * 60_000));
	const fields = {
		year: local.getUTCFullYear(),
		month: local.getUTCMonth() + 1,
		day: local.getUTCDate(),
		hour: local.getUTCHours(),
		minute: local.getUTCMinutes(),
		second: local.getUTCSeconds()
	};
	const plain = { ...fields, toZonedDateTime: () => self, toPlainDate: () => fields };
	const self = {
		...fields,
		timeZoneId: zone,
		toPlainDateTime: () => plain,
		withTimeZone: (tz: string) => zoned(epochMs, tz === 'UTC' ? 'UTC' : 'Asia/Shanghai'),
		toInstant: () => ({ epochMilliseconds: epochMs })
	};
	return self;
}

function epochOf(date: IsoDate, time: LocalTime): number {
	const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
	return toDayNumber(date) * 86_400_000 + (minutes - SHANGHAI_OFFSET_MINUTES) * 60_000;
}

/**
 * Renders events as an iCalendar feed.
 *
 * @param events - the events
 * @param options - domain for UIDs, the stamp (now), name
 * @returns the `.ics` text (CRLF line ends)
 * @throws ValidationError for an event with a bad date, time, duration or a duplicate id
 * @example
 * const ics = toICalendar(sessionEvents(occurrences, { summary: '会前学法' }), {
 * 	domain: 'xuefa.example.gov.cn', stamp: now, name: '区政府会前学法' });
 */
export function toICalendar(events: readonly CalendarEvent[], options: ICalendarOptions): string {
	const seen = new Set<string>();
	const issues = events.flatMap((e, i) => {
		const bad =
			!isIsoDate(e.date) ||
			!isLocalTime(e.startTime) ||
			!(e.durationMinutes > 0) ||
			!e.id ||
			seen.has(e.id);
		seen.add(e.id);
		return bad ? [{ code: 'ical.event.invalid', path: `${i}`, data: { id: e.id } }] : [];
	});
	if (issues.length > 0) throw new ValidationError(issues);
	const cal = ical({
		prodId: options.prodId ?? '//Xuefa//Rules//ZH',
		...(options.name ? { name: options.name } : {})
	});
	const stamp = zoned(options.stamp.getTime(), 'UTC');
	for (const e of events) {
		const start = epochOf(e.date, e.startTime);
		cal.createEvent({
			id: `${e.id}@${options.domain}`,
			sequence: e.sequence ?? 0,
			stamp: stamp as never,
			start: zoned(start, TZID) as never,
			end: zoned(start + e.durationMinutes * 60_000, TZID) as never,
			timezone: TZID,
			summary: e.summary,
			...(e.description !== undefined ? { description: e.description } : {}),
			...(e.location !== undefined ? { location: e.location } : {}),
			...(e.url !== undefined ? { url: e.url } : {}),
			status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
		});
	}
	const text = cal.toString();
	const at = text.indexOf('BEGIN:VEVENT');
	return at < 0 ? text : `${text.slice(0, at)}${VTIMEZONE}\r\n${text.slice(at)}`;
}

/**
 * Turns schedule occurrences into calendar events (id = occurrence key, so UIDs survive moves).
 *
 * @param occurrences - from {@link generateOccurrences} (with `includeCancelled` to publish cancellations)
 * @param details - title, place, description, and a `sequence` per occurrence key if tracked
 * @returns the events
 */
export function sessionEvents(
	occurrences: readonly Occurrence[],
	details: {
		summary: string;
		location?: string;
		description?: string;
		sequence?: (key: string) => number;
	}
): CalendarEvent[] {
	return occurrences.map((o) => ({
		id: o.key,
		date: o.date,
		startTime: o.startTime,
		durationMinutes: o.durationMinutes,
		summary: details.summary,
		...(details.location !== undefined ? { location: details.location } : {}),
		...(details.description !== undefined || o.note !== undefined
			? { description: [details.description, o.note].filter(Boolean).join('\n') }
			: {}),
		cancelled: o.cancelled,
		sequence: details.sequence?.(o.key) ?? (o.source === 'moved' ? 1 : 0)
	}));
}

/** An exam sitting to put in a calendar (instants, as the exam module stores them). */
export interface SittingForCalendar {
	/** The sitting id. */
	id: string;
	/** Title, e.g. 2025年任前法律知识考试（第一场）. */
	name: string;
	/** Opening instant. */
	opensAt: Date | string;
	/** Closing instant. */
	closesAt: Date | string;
	/** Place (room, or online). */
	location?: string;
	/** Revision number. */
	sequence?: number;
	/** Cancelled. */
	cancelled?: boolean;
}

/**
 * Turns an exam sitting into a calendar event in Asia/Shanghai time (id `sitting/<id>`).
 *
 * @param sitting - the sitting
 * @returns the event
 */
export function sittingEvent(sitting: SittingForCalendar): CalendarEvent {
	const open =
		typeof sitting.opensAt === 'string' ? Date.parse(sitting.opensAt) : sitting.opensAt.getTime();
	const close =
		typeof sitting.closesAt === 'string'
			? Date.parse(sitting.closesAt)
			: sitting.closesAt.getTime();
	const wall = new Date(open + SHANGHAI_OFFSET_MINUTES * 60_000).toISOString();
	return {
		id: `sitting/${sitting.id}`,
		date: shanghaiDate(new Date(open)),
		startTime: wall.slice(11, 16),
		durationMinutes: Math.max(1, Math.round((close - open) / 60_000)),
		summary: sitting.name,
		...(sitting.location !== undefined ? { location: sitting.location } : {}),
		...(sitting.cancelled ? { cancelled: true } : {}),
		...(sitting.sequence !== undefined ? { sequence: sitting.sequence } : {})
	};
}
