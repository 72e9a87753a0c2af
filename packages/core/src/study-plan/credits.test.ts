import { describe, expect, it } from 'vitest';
import { DEFAULT_ANNUAL_CREDIT_POLICY, annualCredits } from './credits.ts';

const empty = { year: 2026, attended: [], signOffs: [], practiceAnswers: [] };

describe('annualCredits', () => {
	it('credits an attended session by its form, a late one by the late factor', () => {
		const c = annualCredits({
			...empty,
			attended: [
				{ date: '2026-03-02', form: 'lecture', durationMinutes: 30, status: 'present' },
				{ date: '2026-03-09', form: 'trial', durationMinutes: 30, status: 'late' }
			]
		});
		expect(c.sessions).toBe(2 + 3 * 0.5);
	});

	it('credits nothing for a lecture or collective session under the minimum, whatever its attendance', () => {
		const attended = [
			{ date: '2026-03-02', form: 'lecture', durationMinutes: 20, status: 'present' },
			{ date: '2026-03-09', form: 'collective', durationMinutes: 29, status: 'late' },
			// a written or case session has no minimum
			{ date: '2026-03-16', form: 'case', durationMinutes: 15, status: 'present' }
		] as const;
		const short = annualCredits({ ...empty, attended });
		expect(short.sessions).toBe(2);
		// counted apart, so that the person can be told why two sessions earned nothing
		expect(short.shortSessions).toBe(2);
		// a district whose minimum is 20 minutes credits both (the late arrival at the late factor)
		const c = annualCredits({ ...empty, attended }, DEFAULT_ANNUAL_CREDIT_POLICY, {
			minLectureMinutes: 20
		});
		expect(c.sessions).toBe(2 + 2 + 2 * 0.5);
		expect(c.shortSessions).toBe(0);
	});

	it('credits each sign-off and whole credits of practice up to the cap', () => {
		const c = annualCredits({
			...empty,
			signOffs: ['2026-04-01', '2026-05-01'],
			practiceAnswers: [
				{ date: '2026-06-01', count: 60 },
				{ date: '2026-06-02', count: 39 }
			]
		});
		expect(c.signOffs).toBe(2);
		expect(c.practiceAnswers).toBe(99);
		expect(c.practice).toBe(1);
		const capped = annualCredits({
			...empty,
			practiceAnswers: [{ date: '2026-06-01', count: 5000 }]
		});
		expect(capped.practice).toBe(DEFAULT_ANNUAL_CREDIT_POLICY.practiceCap);
	});

	it('counts only the year asked for: 31 December and 1 January fall in different years', () => {
		const input = {
			attended: [
				{ date: '2025-12-31', form: 'collective', durationMinutes: 30, status: 'present' },
				{ date: '2026-01-01', form: 'collective', durationMinutes: 30, status: 'present' }
			] as const,
			signOffs: ['2025-12-31', '2026-01-01'],
			practiceAnswers: [
				{ date: '2025-12-31', count: 50 },
				{ date: '2026-01-01', count: 100 }
			]
		};
		expect(annualCredits({ ...input, year: 2025 })).toMatchObject({
			sessions: 2,
			signOffs: 1,
			practice: 1
		});
		expect(annualCredits({ ...input, year: 2026 })).toMatchObject({
			sessions: 2,
			signOffs: 1,
			practice: 2
		});
	});

	it('follows a changed policy and reports progress and shortfall', () => {
		const input = {
			...empty,
			attended: [
				{ date: '2026-03-02', form: 'collective', durationMinutes: 30, status: 'present' } as const
			],
			signOffs: ['2026-04-01']
		};
		const base = annualCredits(input);
		expect(base).toMatchObject({ total: 3, required: 24, met: false, shortfall: 21 });
		expect(base.progress).toBeCloseTo(3 / 24);
		const generous = annualCredits(input, {
			...DEFAULT_ANNUAL_CREDIT_POLICY,
			perSessionByForm: { ...DEFAULT_ANNUAL_CREDIT_POLICY.perSessionByForm, collective: 4 },
			perSignOff: 2,
			annualRequired: 6
		});
		expect(generous).toMatchObject({ total: 6, met: true, shortfall: 0, progress: 1 });
	});

	it('earns nothing from practice when the policy counts none', () => {
		const c = annualCredits(
			{ ...empty, practiceAnswers: [{ date: '2026-06-01', count: 500 }] },
			{ ...DEFAULT_ANNUAL_CREDIT_POLICY, practiceAnswersPerCredit: 0 }
		);
		expect(c.practice).toBe(0);
	});
});
