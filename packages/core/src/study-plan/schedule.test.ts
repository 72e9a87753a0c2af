import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	CN_CALENDAR,
	CN_HOLIDAYS,
	ValidationError,
	addDays,
	createWorkingDayCalendar,
	dayInfo,
	generateOccurrences,
	isWorkingDay,
	weekdayOf,
	type ScheduleRule,
	type Weekday
} from '../index.ts';

// the district rule that pairs each make-up day with the last weekday off of its holiday
const PAIRED = createWorkingDayCalendar(CN_HOLIDAYS, { makeUpPairing: 'last_weekdays_off' });

const base: ScheduleRule = {
	id: 'mayor-office',
	weekday: 1,
	intervalWeeks: 1,
	startDate: '2025-01-01',
	endDate: '2025-12-31',
	startTime: '08:30',
	durationMinutes: 40
};

describe('generateOccurrences', () => {
	it('holds no session on a make-up day unless the organiser chooses to', () => {
		// Friday sessions in 2026: the Spring Festival runs 02-15 – 02-23, Saturday 02-14 is a make-up day
		const friday = {
			...base,
			weekday: 5 as Weekday,
			startDate: '2026-01-01',
			endDate: '2026-12-31'
		};
		for (const calendar of [CN_CALENDAR, PAIRED]) {
			const { occurrences, skipped } = generateOccurrences(friday, calendar);
			const dates = occurrences.map((o) => o.date);
			expect(dates).toContain('2026-02-13');
			expect(dates).not.toContain('2026-02-14');
			expect(skipped).toContainEqual({ slot: '2026-02-20', reason: 'holiday', holiday: '春节' });
			for (const d of dates) expect(dayInfo(calendar, d).kind).toBe('workday');
		}
		// with no pairing, 'follow' has no make-up day that works as a Friday
		const none = generateOccurrences({ ...friday, makeUpDays: 'follow' }, CN_CALENDAR);
		expect(none.occurrences.map((o) => o.date)).not.toContain('2026-02-14');
		// a district notice that says 02-14 works as a Friday, and an organiser who follows it
		const stated = createWorkingDayCalendar(
			CN_HOLIDAYS.map((y) => ({
				...y,
				holidays: y.holidays.map((h) =>
					h.name === '春节' && y.year === 2026
						? { ...h, makeUpDays: [{ date: '2026-02-14', worksAs: 5 as const }, '2026-02-28'] }
						: h
				)
			}))
		);
		const followed = generateOccurrences({ ...friday, makeUpDays: 'follow' }, stated);
		expect(followed.occurrences.find((o) => o.slot === '2026-02-20')).toMatchObject({
			date: '2026-02-14',
			source: 'make_up'
		});
		expect(followed.occurrences.map((o) => o.date)).not.toContain('2026-02-28');
	});

	it('with a pairing rule and "follow", holds a paid-back Monday on its make-up day', () => {
		const { occurrences, skipped } = generateOccurrences({ ...base, makeUpDays: 'follow' }, PAIRED);
		const dates = occurrences.map((o) => o.date);
		// 2025-02-03 (Mon, Spring Festival) is paid back by Sunday 2025-01-26.
		expect(dates).toContain('2025-01-26');
		expect(occurrences.find((o) => o.slot === '2025-02-03')).toMatchObject({
			date: '2025-01-26',
			source: 'make_up'
		});
		// 2025-05-05 (Mon, Labour Day) is paid back by Sunday 2025-04-27.
		expect(occurrences.find((o) => o.slot === '2025-05-05')?.date).toBe('2025-04-27');
		// 2025-06-02 (Dragon Boat) and 2025-10-06 (National Day) are Mondays no make-up day pays back.
		expect(skipped).toEqual([
			{ slot: '2025-06-02', reason: 'holiday', holiday: '端午节' },
			{ slot: '2025-10-06', reason: 'holiday', holiday: '国庆节、中秋节' }
		]);
		expect(occurrences).toHaveLength(52 - 2);
		expect(new Set(occurrences.map((o) => o.key)).size).toBe(occurrences.length);
	});

	it('can shift a lost slot to the next working day, or ignore make-up days', () => {
		const shifted = generateOccurrences({ ...base, onHoliday: 'next_working_day' }, CN_CALENDAR);
		expect(shifted.occurrences.find((o) => o.slot === '2025-06-02')).toMatchObject({
			date: '2025-06-03',
			source: 'shifted'
		});
		const ignored = generateOccurrences({ ...base, makeUpDays: 'ignore' }, PAIRED);
		expect(ignored.occurrences.map((o) => o.date)).not.toContain('2025-01-26');
		expect(ignored.skipped.map((s) => s.slot)).toEqual([
			'2025-02-03',
			'2025-05-05',
			'2025-06-02',
			'2025-10-06'
		]);
	});

	it('shifts a lost slot past a make-up day unless the schedule follows make-up days', () => {
		// Thursday 2026-01-01 is New Year; 01-02 and 01-03 are off; Sunday 01-04 is a make-up day
		const thursday = {
			...base,
			weekday: 4 as Weekday,
			startDate: '2026-01-01',
			endDate: '2026-01-31',
			onHoliday: 'next_working_day' as const
		};
		const slot = (rule: ScheduleRule) =>
			generateOccurrences(rule, CN_CALENDAR).occurrences.find((o) => o.slot === '2026-01-01');
		expect(slot(thursday)).toMatchObject({ date: '2026-01-05', source: 'shifted' });
		expect(slot({ ...thursday, makeUpDays: 'follow' })).toMatchObject({ date: '2026-01-04' });
	});

	it('moves and cancels single occurrences by slot, keeping the key', () => {
		const { occurrences, warnings } = generateOccurrences(
			{
				...base,
				overrides: [
					{
						slot: '2025-03-03',
						action: 'move',
						date: '2025-03-04',
						startTime: '14:00',
						note: '区长出差'
					},
					{ slot: '2025-03-10', action: 'cancel' }
				]
			},
			CN_CALENDAR,
			{ includeCancelled: true }
		);
		expect(warnings).toEqual([]);
		expect(occurrences.find((o) => o.slot === '2025-03-03')).toMatchObject({
			key: 'mayor-office/2025-03-03',
			date: '2025-03-04',
			startTime: '14:00',
			source: 'moved'
		});
		expect(occurrences.find((o) => o.slot === '2025-03-10')?.cancelled).toBe(true);
	});

	it('runs every other week and warns about years without holiday data', () => {
		const r = generateOccurrences(
			{ ...base, weekday: 3, intervalWeeks: 2, startDate: '2026-11-01', endDate: '2027-01-31' },
			CN_CALENDAR
		);
		expect(r.occurrences[0]?.date).toBe('2026-11-04');
		expect(
			r.occurrences.every(
				(o, i, a) =>
					i === 0 ||
					(new Date(o.date).getTime() - new Date(a[i - 1]!.date).getTime()) % (14 * 864e5) === 0
			)
		).toBe(true);
		expect(r.warnings).toEqual([{ code: 'schedule.calendar.year_missing', data: { year: 2027 } }]);
	});

	it('rejects an invalid rule with every issue', () => {
		try {
			generateOccurrences(
				{ ...base, weekday: 6 as Weekday, intervalWeeks: 0, startTime: '8:30' },
				CN_CALENDAR
			);
			expect.unreachable();
		} catch (e) {
			expect((e as ValidationError).issues.map((i) => i.code)).toEqual([
				'schedule.weekday.invalid',
				'schedule.interval.invalid',
				'schedule.time.invalid'
			]);
		}
	});
});

describe('generateOccurrences (properties)', () => {
	const ruleArb = fc.record({
		weekday: fc.integer({ min: 1, max: 5 }),
		intervalWeeks: fc.integer({ min: 1, max: 4 }),
		start: fc.integer({ min: 0, max: 700 }),
		length: fc.integer({ min: 0, max: 400 }),
		onHoliday: fc.constantFrom('skip' as const, 'next_working_day' as const)
	});
	const toRule = (r: {
		weekday: number;
		intervalWeeks: number;
		start: number;
		length: number;
		onHoliday: 'skip' | 'next_working_day';
	}): ScheduleRule => {
		const startDate = addDays('2025-01-01', r.start);
		const endDate = addDays(startDate, r.length);
		return {
			...base,
			weekday: r.weekday as Weekday,
			intervalWeeks: r.intervalWeeks,
			startDate,
			endDate: endDate > '2026-12-31' ? '2026-12-31' : endDate,
			onHoliday: r.onHoliday
		};
	};

	it('never lands on a non-working day, nor on a make-up day by default, and stays within the range', () => {
		fc.assert(
			fc.property(ruleArb, fc.boolean(), (r, paired) => {
				const rule = toRule(r);
				const calendar = paired ? PAIRED : CN_CALENDAR;
				for (const o of generateOccurrences(rule, calendar).occurrences) {
					expect(isWorkingDay(calendar, o.date)).toBe(true);
					expect(dayInfo(calendar, o.date).kind).toBe('workday');
					expect(o.date >= rule.startDate && o.date <= rule.endDate).toBe(true);
				}
				for (const o of generateOccurrences({ ...rule, makeUpDays: 'follow' }, calendar)
					.occurrences)
					expect(isWorkingDay(calendar, o.date)).toBe(true);
			})
		);
	});

	it('with "follow", includes every make-up day that pays back one of its slots', () => {
		fc.assert(
			fc.property(ruleArb, (r) => {
				const rule: ScheduleRule = { ...toRule(r), makeUpDays: 'follow' };
				const { occurrences } = generateOccurrences(rule, PAIRED);
				const slots = new Set(occurrences.map((o) => o.slot));
				const dates = new Set(occurrences.map((o) => o.date));
				for (let d = rule.startDate; d <= rule.endDate; d = addDays(d, 1)) {
					const info = dayInfo(PAIRED, d);
					if (info.kind === 'make_up' && info.replaces && info.worksAs === rule.weekday) {
						const first = addDays(
							rule.startDate,
							(rule.weekday - weekdayOf(rule.startDate) + 7) % 7
						);
						const isSlot =
							info.replaces >= first &&
							info.replaces <= rule.endDate &&
							(new Date(info.replaces).getTime() - new Date(first).getTime()) %
								(rule.intervalWeeks * 7 * 864e5) ===
								0;
						if (isSlot) {
							expect(dates.has(d)).toBe(true);
							expect(slots.has(info.replaces)).toBe(true);
						}
					}
				}
			})
		);
	});

	it('accounts for every slot between the dates: held or skipped, exactly once', () => {
		fc.assert(
			fc.property(ruleArb, fc.boolean(), (r, follow) => {
				const rule: ScheduleRule = { ...toRule(r), makeUpDays: follow ? 'follow' : 'ignore' };
				const { occurrences, skipped } = generateOccurrences(rule, PAIRED);
				let slots = 0;
				const first = addDays(rule.startDate, (rule.weekday - weekdayOf(rule.startDate) + 7) % 7);
				for (let d = first; d <= rule.endDate; d = addDays(d, 7 * rule.intervalWeeks)) slots++;
				expect(occurrences.length + skipped.length).toBe(slots);
				const regular = occurrences.filter((o) => o.source === 'regular').length;
				let working = 0;
				for (let d = first; d <= rule.endDate; d = addDays(d, 7 * rule.intervalWeeks))
					if (isWorkingDay(PAIRED, d)) working++;
				expect(regular).toBe(working);
			})
		);
	});
});
