/**
 * Recurring study sessions (e.g. 会前学法 before the weekly 区长办公会): occurrences of a weekly or
 * every-N-weeks rule between two dates, on a {@link WorkingDayCalendar}.
 *
 * How a regular **slot** (the rule's weekday in an active week) becomes an occurrence:
 * 1. A working day → an occurrence on that day (`source: 'regular'`).
 * 2. A make-up working day (调休上班) holds no session by default (`makeUpDays: 'ignore'`): the notices
 *    do not say which weekday's timetable it follows. Only when the organiser chooses
 *    `makeUpDays: 'follow'` does a make-up day that works as the rule's weekday (by the data's
 *    `worksAs` or the calendar's `makeUpPairing`) hold one
 *    (`source: 'make_up'`): in place of the holiday slot it pays back, or as an extra occurrence in
 *    its own week when it pays back none.
 * 3. Otherwise a non-working slot → `onHoliday: 'skip'` (default) drops it (listed in `skipped`);
 *    `'next_working_day'` holds it on the next working day without another occurrence of the rule
 *    (`source: 'shifted'`).
 * Every occurrence keeps the slot date as its identity (`key`), so overrides (move/cancel) and calendar
 * UIDs stay stable whatever happens to the date.
 */
import type { Issue } from '../errors.ts';
import { ValidationError } from '../errors.ts';
import type { WorkingDayCalendar } from '../calendar/calendar.ts';
import { coversDate, isWorkingDay, holidayOn } from '../calendar/working-days.ts';
import {
	addDays,
	diffDays,
	isIsoDate,
	isLocalTime,
	weekdayOf,
	weekStart,
	type IsoDate,
	type LocalTime,
	type Weekday
} from '../calendar/dates.ts';
import { result, type ValidationResult } from '../rule-result.ts';

/** Changes one occurrence, identified by its slot date: cancel it, or move it (date, time, length). */
export type ScheduleOverride =
	| { slot: IsoDate; action: 'cancel'; note?: string }
	| {
			slot: IsoDate;
			action: 'move';
			date: IsoDate;
			startTime?: LocalTime;
			durationMinutes?: number;
			note?: string;
	  };

/** A recurring session rule, as stored. */
export interface ScheduleRule {
	/** Stable id (also the base of each occurrence's key and calendar UID). */
	id: string;
	/** Weekday of the sessions, Monday (1) to Friday (5). */
	weekday: Weekday;
	/** 1 = weekly, 2 = every other week…; weeks count from the first slot. */
	intervalWeeks: number;
	/** First day of the range (inclusive). */
	startDate: IsoDate;
	/** Last day of the range (inclusive). */
	endDate: IsoDate;
	/** Wall-clock start time in Asia/Shanghai. */
	startTime: LocalTime;
	/** Planned length in minutes. */
	durationMinutes: number;
	/**
	 * What happens to a slot on a non-working day that no make-up day holds (default `skip`); the
	 * next working day of `next_working_day` is never a make-up day unless `makeUpDays` is `follow`.
	 */
	onHoliday?: 'skip' | 'next_working_day';
	/**
	 * Whether a make-up day that works as the rule's weekday holds a session (`follow`); by default
	 * (`ignore`) no session falls on a make-up day.
	 */
	makeUpDays?: 'follow' | 'ignore';
	/** Single-occurrence changes. */
	overrides?: ScheduleOverride[];
}

/** Where an occurrence's date comes from. */
export type OccurrenceSource = 'regular' | 'make_up' | 'shifted' | 'moved';

/** One generated session. */
export interface Occurrence {
	/** `${ruleId}/${slot}`: stable identity of the occurrence. */
	key: string;
	/** The rule's id. */
	scheduleId: string;
	/** The regular slot date this occurrence stands for. */
	slot: IsoDate;
	/** The date it takes place. */
	date: IsoDate;
	/** Start time. */
	startTime: LocalTime;
	/** Length in minutes. */
	durationMinutes: number;
	/** Why it is on this date. */
	source: OccurrenceSource;
	/** Cancelled by an override (listed only with `includeCancelled`). */
	cancelled: boolean;
	/** The override's note, if any. */
	note?: string;
}

/** A slot that produced no occurrence. */
export interface SkippedSlot {
	/** The slot date. */
	slot: IsoDate;
	/** Why: a holiday (or weekend), a collision when shifting, or a make-up day outside the range. */
	reason: 'holiday' | 'shift_collision' | 'make_up_outside_range';
	/** The holiday's name, when there is one. */
	holiday?: string;
}

/** The output of {@link generateOccurrences}. */
export interface Schedule {
	/** Occurrences by date (then key). */
	occurrences: Occurrence[];
	/** Slots that produced none. */
	skipped: SkippedSlot[];
	/** E.g. `schedule.calendar.year_missing` when the range runs into a year without holiday data. */
	warnings: Issue[];
}

/**
 * Checks a schedule rule and its overrides.
 *
 * @param rule - the rule
 * @returns errors and warnings
 */
export function validateScheduleRule(rule: ScheduleRule): ValidationResult {
	const errors: Issue[] = [];
	if (!rule.id) errors.push({ code: 'schedule.id.missing', path: 'id' });
	if (!(Number.isInteger(rule.weekday) && rule.weekday >= 1 && rule.weekday <= 5)) {
		errors.push({
			code: 'schedule.weekday.invalid',
			path: 'weekday',
			data: { weekday: rule.weekday }
		});
	}
	if (!(
		Number.isInteger(rule.intervalWeeks) &&
		rule.intervalWeeks >= 1 &&
		rule.intervalWeeks <= 52
	)) {
		errors.push({
			code: 'schedule.interval.invalid',
			path: 'intervalWeeks',
			data: { interval: rule.intervalWeeks }
		});
	}
	const datesOk = isIsoDate(rule.startDate) && isIsoDate(rule.endDate);
	if (!datesOk) {
		errors.push({
			code: 'schedule.range.invalid',
			path: 'startDate',
			data: { from: rule.startDate, to: rule.endDate }
		});
	} else if (rule.endDate < rule.startDate || diffDays(rule.startDate, rule.endDate) > 3 * 366) {
		errors.push({
			code: 'schedule.range.invalid',
			path: 'endDate',
			data: { from: rule.startDate, to: rule.endDate }
		});
	}
	if (!isLocalTime(rule.startTime)) {
		errors.push({
			code: 'schedule.time.invalid',
			path: 'startTime',
			data: { time: rule.startTime }
		});
	}
	if (!(
		Number.isInteger(rule.durationMinutes) &&
		rule.durationMinutes > 0 &&
		rule.durationMinutes <= 24 * 60
	)) {
		errors.push({
			code: 'schedule.duration.invalid',
			path: 'durationMinutes',
			data: { minutes: rule.durationMinutes }
		});
	}
	const slots = new Set<string>();
	(rule.overrides ?? []).forEach((o, i) => {
		const p = `overrides.${i}`;
		if (!isIsoDate(o.slot))
			errors.push({
				code: 'schedule.override.slot_invalid',
				path: `${p}.slot`,
				data: { slot: o.slot }
			});
		if (slots.has(o.slot))
			errors.push({
				code: 'schedule.override.duplicate',
				path: `${p}.slot`,
				data: { slot: o.slot }
			});
		slots.add(o.slot);
		if (o.action === 'move') {
			if (!isIsoDate(o.date))
				errors.push({
					code: 'schedule.override.date_invalid',
					path: `${p}.date`,
					data: { date: o.date }
				});
			if (o.startTime !== undefined && !isLocalTime(o.startTime)) {
				errors.push({
					code: 'schedule.time.invalid',
					path: `${p}.startTime`,
					data: { time: o.startTime }
				});
			}
			if (
				o.durationMinutes !== undefined &&
				!(Number.isInteger(o.durationMinutes) && o.durationMinutes > 0)
			) {
				errors.push({
					code: 'schedule.duration.invalid',
					path: `${p}.durationMinutes`,
					data: { minutes: o.durationMinutes }
				});
			}
		}
	});
	return result(errors);
}

/**
 * Generates the occurrences of a recurring session rule.
 *
 * @param rule - the rule (validated; invalid rules throw)
 * @param calendar - the working-day calendar (e.g. {@link CN_CALENDAR})
 * @param options - `includeCancelled` keeps cancelled occurrences (flagged) so a calendar feed can
 *   publish the cancellation
 * @returns occurrences, skipped slots and warnings
 * @throws ValidationError for an invalid rule
 * @example
 * const { occurrences } = generateOccurrences(
 * 	{ id: 'weekly', weekday: 1, intervalWeeks: 1, startDate: '2025-01-01', endDate: '2025-12-31',
 * 	  startTime: '08:30', durationMinutes: 40 },
 * 	CN_CALENDAR
 * );
 */
export function generateOccurrences(
	rule: ScheduleRule,
	calendar: WorkingDayCalendar,
	options: { includeCancelled?: boolean } = {}
): Schedule {
	const v = validateScheduleRule(rule);
	if (!v.ok) throw new ValidationError(v.errors);
	const warnings: Issue[] = [];
	const skipped: SkippedSlot[] = [];
	const byKey = new Map<string, Occurrence>();
	const taken = new Set<IsoDate>();
	const step = 7 * rule.intervalWeeks;
	const first = addDays(rule.startDate, (rule.weekday - weekdayOf(rule.startDate) + 7) % 7);
	const follow = rule.makeUpDays === 'follow';
	const shift = rule.onHoliday === 'next_working_day';

	for (let y = Number(rule.startDate.slice(0, 4)); y <= Number(rule.endDate.slice(0, 4)); y++) {
		if (!coversDate(calendar, `${y}-01-01`)) {
			warnings.push({ code: 'schedule.calendar.year_missing', data: { year: y } });
		}
	}

	const make = (slot: IsoDate, date: IsoDate, source: OccurrenceSource): void => {
		byKey.set(slot, {
			key: `${rule.id}/${slot}`,
			scheduleId: rule.id,
			slot,
			date,
			startTime: rule.startTime,
			durationMinutes: rule.durationMinutes,
			source,
			cancelled: false
		});
		taken.add(date);
	};

	const pending: IsoDate[] = [];
	for (let slot = first; slot <= rule.endDate; slot = addDays(slot, step)) {
		if (isWorkingDay(calendar, slot)) {
			make(slot, slot, 'regular');
			continue;
		}
		const upDay = follow ? calendar.replacedBy.get(slot) : undefined;
		if (upDay !== undefined) {
			if (upDay >= rule.startDate && upDay <= rule.endDate) make(slot, upDay, 'make_up');
			else {
				const holiday = holidayOn(calendar, slot);
				skipped.push({
					slot,
					reason: 'make_up_outside_range',
					...(holiday !== undefined ? { holiday } : {})
				});
			}
			continue;
		}
		pending.push(slot);
	}
	// Make-up days whose data names a weekday but no paid-back holiday: they follow the weekday's timetable
	// in their own week.
	if (follow) {
		for (const [date, up] of calendar.makeUp) {
			if (up.replaces !== undefined || up.worksAs !== rule.weekday) continue;
			if (date < rule.startDate || date > rule.endDate || byKey.has(date)) continue;
			if (((diffDays(weekStart(first), weekStart(date)) % step) + step) % step === 0)
				make(date, date, 'make_up');
		}
	}
	for (const slot of pending) {
		const holiday = holidayOn(calendar, slot);
		if (!shift) {
			skipped.push({ slot, reason: 'holiday', ...(holiday !== undefined ? { holiday } : {}) });
			continue;
		}
		// a make-up day is not a regular working day: only 'follow' may put a session there
		let d = addDays(slot, 1);
		while (!isWorkingDay(calendar, d) || (!follow && calendar.makeUp.has(d))) d = addDays(d, 1);
		if (taken.has(d) || d > rule.endDate) {
			skipped.push({
				slot,
				reason: 'shift_collision',
				...(holiday !== undefined ? { holiday } : {})
			});
		} else make(slot, d, 'shifted');
	}

	for (const o of rule.overrides ?? []) {
		const occ = byKey.get(o.slot);
		if (o.action === 'cancel') {
			if (!occ) {
				warnings.push({ code: 'schedule.override.unknown_slot', data: { slot: o.slot } });
				continue;
			}
			occ.cancelled = true;
			if (o.note !== undefined) occ.note = o.note;
			continue;
		}
		const moved: Occurrence = {
			key: `${rule.id}/${o.slot}`,
			scheduleId: rule.id,
			slot: o.slot,
			date: o.date,
			startTime: o.startTime ?? occ?.startTime ?? rule.startTime,
			durationMinutes: o.durationMinutes ?? occ?.durationMinutes ?? rule.durationMinutes,
			source: 'moved',
			cancelled: false,
			...(o.note !== undefined ? { note: o.note } : {})
		};
		if (!occ) warnings.push({ code: 'schedule.override.unknown_slot', data: { slot: o.slot } });
		if (!isWorkingDay(calendar, o.date)) {
			warnings.push({
				code: 'schedule.override.non_working_day',
				data: { slot: o.slot, date: o.date }
			});
		}
		byKey.set(o.slot, moved);
	}

	const occurrences = [...byKey.values()]
		.filter((o) => options.includeCancelled || !o.cancelled)
		.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : 1));
	skipped.sort((a, b) => (a.slot < b.slot ? -1 : 1));
	return { occurrences, skipped, warnings };
}
