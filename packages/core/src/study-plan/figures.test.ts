import { describe, expect, it } from 'vitest';
import {
	DEFAULT_STUDY_POLICY,
	attendanceRates,
	checkSessionDuration,
	countsAsHeld,
	planProgress,
	studyCredits,
	validateStudyPlan,
	type StudyPlan,
	type StudySession
} from '../index.ts';

const plan: StudyPlan = {
	id: 'plan-2025',
	unitId: 'district',
	year: 2025,
	title: '2025年区政府常务会议会前学法计划',
	items: [
		{
			id: 'i1',
			topic: '行政复议法',
			laws: [{ lawId: 'xzfyf' }],
			form: 'lecture',
			planned: { month: '2025-02' },
			speaker: '王律师',
			plannedMinutes: 40
		},
		{
			id: 'i2',
			topic: '行政处罚法',
			laws: [{ lawId: 'xzcff', articleNo: 42 }],
			form: 'written',
			planned: { date: '2025-03-15' }
		},
		{
			id: 'i3',
			topic: '行政诉讼法',
			laws: [{ lawId: 'xzssf' }, { lawId: 'xzcff' }],
			form: 'case',
			planned: { month: '2025-09' }
		}
	]
};

const session = (id: string, over: Partial<StudySession> = {}): StudySession => ({
	id,
	date: '2025-02-10',
	durationMinutes: 40,
	form: 'lecture',
	topic: 't',
	laws: [],
	status: 'held',
	attendance: [],
	...over
});

describe('validateStudyPlan', () => {
	it('accepts a good plan and warns about a case lesson without a speaker', () => {
		const v = validateStudyPlan(plan);
		expect(v.ok).toBe(true);
		expect(v.warnings.map((w) => [w.code, w.path])).toEqual([
			['plan.item.speaker_missing', 'items.2.speaker']
		]);
	});

	it('lists every error with its path', () => {
		const v = validateStudyPlan({
			...plan,
			items: [
				{ ...plan.items[0]!, plannedMinutes: 20 },
				{ ...plan.items[1]!, id: 'i1', topic: ' ', planned: { month: '2026-01' } },
				{ ...plan.items[2]!, form: 'dance' as never, planned: { date: '2025-02-30' } }
			]
		});
		expect(v.ok).toBe(false);
		expect(v.errors.map((e) => [e.code, e.path])).toEqual([
			['plan.item.id_duplicate', 'items.1.id'],
			['plan.item.topic_empty', 'items.1.topic'],
			['plan.item.planned_outside_year', 'items.1.planned'],
			['plan.item.form_unknown', 'items.2.form'],
			['plan.item.planned_invalid', 'items.2.planned']
		]);
		expect(v.warnings[0]).toMatchObject({
			code: 'session.duration.short',
			data: { minutes: 20, min: 30 }
		});
	});
});

describe('figures', () => {
	it('flags a lecture under the minimum, per policy', () => {
		expect(checkSessionDuration(session('s', { durationMinutes: 25 }))).toEqual([
			{ code: 'session.duration.short', data: { sessionId: 's', minutes: 25, min: 30 } }
		]);
		expect(
			checkSessionDuration(session('s', { durationMinutes: 25 }), { minLectureMinutes: 20 })
		).toEqual([]);
		expect(checkSessionDuration(session('s', { durationMinutes: 5, form: 'written' }))).toEqual([]);
		expect(countsAsHeld(session('s', { durationMinutes: 25 }))).toBe(false);
		expect(countsAsHeld(session('s', { durationMinutes: 30 }))).toBe(true);
		expect(countsAsHeld(session('s', { status: 'cancelled' }))).toBe(false);
		expect(countsAsHeld(session('s', { durationMinutes: 5, form: 'written' }))).toBe(true);
		expect(countsAsHeld(session('s', { durationMinutes: 25 }), { minLectureMinutes: 20 })).toBe(
			true
		);
	});

	it('computes plan progress by form and law', () => {
		const p = planProgress(
			plan,
			[
				session('a', { planItemId: 'i1' }),
				session('b', { planItemId: 'i3', status: 'cancelled' }),
				session('c')
			],
			'2025-10-01'
		);
		expect(p).toMatchObject({
			planned: 3,
			held: 1,
			overdueItemIds: ['i2', 'i3'],
			unplannedSessionIds: ['c']
		});
		expect(p.byForm.lecture).toEqual({ planned: 1, held: 1 });
		expect(p.byLaw['xzcff']).toEqual({ planned: 2, held: 0 });
		expect(p.ratio).toBeCloseTo(1 / 3);
		expect(p.heldItemIds).toEqual(['i1']);
	});

	it('leaves a plan item open when its lecture ran under the minimum, until a full one is held', () => {
		const short = session('a', { planItemId: 'i1', durationMinutes: 20 });
		const p = planProgress(plan, [short], '2025-10-01');
		expect(p).toMatchObject({ held: 0, heldItemIds: [], unplannedSessionIds: [] });
		expect(p.overdueItemIds).toContain('i1');
		// the district's own minimum, and a written item whatever its length
		expect(planProgress(plan, [short], '2025-10-01', { minLectureMinutes: 20 }).held).toBe(1);
		const written = session('b', { planItemId: 'i2', form: 'written', durationMinutes: 5 });
		expect(planProgress(plan, [short, written], '2025-10-01').heldItemIds).toEqual(['i2']);
		// made up by a full-length lecture
		const full = session('c', { planItemId: 'i1', durationMinutes: 35 });
		expect(planProgress(plan, [short, full], '2025-10-01').heldItemIds).toEqual(['i1']);
	});

	it('computes attendance per person and unit; late counts, leave stays in the denominator by default', () => {
		const s = [
			session('a', {
				attendance: [
					{ personId: 'p1', unitId: 'u1', status: 'present' },
					{ personId: 'p2', unitId: 'u1', status: 'late' },
					{ personId: 'p3', unitId: 'u2', status: 'leave', reason: '出差' }
				]
			}),
			session('b', {
				attendance: [
					{ personId: 'p1', unitId: 'u1', status: 'absent' },
					{ personId: 'p3', unitId: 'u2', status: 'present' }
				]
			})
		];
		const r = attendanceRates(s);
		expect(r.byPerson['p1']?.rate).toBe(0.5);
		expect(r.byUnit['u1']).toMatchObject({ expected: 3, attended: 2 });
		expect(r.byUnit['u2']?.rate).toBe(0.5);
		const strict = attendanceRates(s, { lateCountsAsAttended: false, excludeLeave: true });
		expect(strict.byPerson['p2']?.rate).toBe(0);
		expect(strict.byUnit['u2']?.rate).toBe(1);
	});

	it('sums study credits against the annual requirement', () => {
		const c = studyCredits({
			personId: 'p1',
			year: 2025,
			sessions: [
				session('a', {
					durationMinutes: 90,
					attendance: [{ personId: 'p1', unitId: 'u', status: 'present' }]
				}),
				session('b', {
					date: '2024-12-30',
					attendance: [{ personId: 'p1', unitId: 'u', status: 'present' }]
				})
			],
			writtenSignOffs: [
				{ itemId: 'i2', date: '2025-03-15' },
				{ itemId: 'i2', date: '2025-03-16' }
			],
			practice: [{ date: '2025-05-01', minutes: 6000 }]
		});
		expect(c).toEqual({
			sessionHours: 1.5,
			writtenHours: 1,
			practiceHours: 20,
			totalHours: 22.5,
			requiredHours: 60,
			met: false,
			shortfallHours: 37.5
		});
	});

	it('gives no hours for a lecture shorter than the minimum, as it gives no credits', () => {
		const attended = [{ personId: 'p1', unitId: 'u', status: 'present' as const }];
		const hours = (durationMinutes: number, policy?: { minLectureMinutes: number }) =>
			studyCredits(
				{
					personId: 'p1',
					year: 2025,
					sessions: [session('a', { durationMinutes, attendance: attended })],
					writtenSignOffs: [],
					practice: []
				},
				undefined,
				policy && { ...DEFAULT_STUDY_POLICY, ...policy }
			).sessionHours;
		expect(hours(30)).toBe(0.5);
		expect(hours(20)).toBe(0);
		expect(hours(20, { minLectureMinutes: 15 })).toBe(0.33);
	});
});
