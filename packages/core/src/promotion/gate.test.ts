import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	DEFAULT_PROMOTION_POLICY,
	ValidationError,
	addDays,
	checkPromotion,
	type ExamRecord,
	type PromotionCase
} from '../index.ts';

const pc: PromotionCase = {
	id: 'case-1',
	personId: 'p1',
	proposedPost: '副局长',
	leadingPost: true,
	appointmentRoute: 'government',
	nominatedOn: '2025-03-01'
};
const now = new Date('2025-06-01T02:00:00Z');
let n = 0;
const rec = (over: Partial<ExamRecord>): ExamRecord => ({
	attemptId: `a${++n}`,
	sittingId: 's1',
	personId: 'p1',
	kind: 'pre_appointment',
	caseId: 'case-1',
	takenOn: '2025-03-10',
	status: 'graded',
	score: 80,
	maxScore: 100,
	passed: true,
	...over
});
const fail = (over: Partial<ExamRecord> = {}) => rec({ score: 50, passed: false, ...over });

describe('checkPromotion', () => {
	it('allows with a pass for this case after the nomination, showing the evidence', () => {
		const d = checkPromotion(
			pc,
			[rec({ attemptId: 'x', sittingId: 'sit-9', score: 72 })],
			DEFAULT_PROMOTION_POLICY,
			now
		);
		expect(d.allowed).toBe(true);
		expect(d.reasons).toEqual([
			{
				code: 'promotion.passed',
				data: { attemptId: 'x', sittingId: 'sit-9', score: 72, takenOn: '2025-03-10', attemptNo: 1 }
			}
		]);
		expect(d.evidence).toEqual([
			{
				attemptId: 'x',
				sittingId: 'sit-9',
				takenOn: '2025-03-10',
				caseId: 'case-1',
				score: 72,
				maxScore: 100,
				outcome: 'pass',
				status: 'graded',
				use: 'counted',
				attemptNo: 1
			}
		]);
		expect(d.checkedAt).toBe('2025-06-01T02:00:00.000Z');
	});

	it('requires an exam when there is none, and ignores passes before the nomination or for another case', () => {
		const d = checkPromotion(
			pc,
			[
				rec({ takenOn: '2025-02-28' }),
				rec({ caseId: 'case-0' }),
				rec({ kind: 'annual' }),
				rec({ personId: 'p2' })
			],
			DEFAULT_PROMOTION_POLICY,
			now
		);
		expect(d.allowed).toBe(false);
		expect(d.reasons.map((r) => r.code)).toEqual([
			'promotion.exam_required',
			'promotion.pass_before_nomination_ignored',
			'promotion.pass_other_case_ignored'
		]);
		expect(d.evidence.map((e) => e.use)).toEqual(['before_nomination', 'other_case']);
	});

	it('allows one retake; a pass on the retake counts', () => {
		const d = checkPromotion(
			pc,
			[rec({ takenOn: '2025-03-20', attemptId: 'r' }), fail()],
			DEFAULT_PROMOTION_POLICY,
			now
		);
		expect(d.allowed).toBe(true);
		expect(d.reasons[0]?.data).toMatchObject({ attemptId: 'r', attemptNo: 2 });
	});

	it('offers the retake after one fail and blocks after the second', () => {
		const one = checkPromotion(pc, [fail()], DEFAULT_PROMOTION_POLICY, now);
		expect(one.reasons[0]).toEqual({
			code: 'promotion.retake_available',
			data: { fails: 1, remaining: 1 }
		});
		const two = checkPromotion(
			pc,
			[fail(), fail({ takenOn: '2025-03-20' }), rec({ takenOn: '2025-04-01' })],
			DEFAULT_PROMOTION_POLICY,
			now
		);
		expect(two.allowed).toBe(false);
		expect(two.reasons.map((r) => r.code)).toEqual([
			'promotion.attempts_exhausted',
			'promotion.pass_beyond_limit_ignored'
		]);
	});

	it('counts a voided attempt as a fail', () => {
		const d = checkPromotion(
			pc,
			[rec({ status: 'voided', attemptId: 'v' }), fail({ takenOn: '2025-03-20' })],
			DEFAULT_PROMOTION_POLICY,
			now
		);
		expect(d.allowed).toBe(false);
		expect(d.reasons).toEqual([
			{ code: 'promotion.attempts_exhausted', data: { fails: 2, maxRetakes: 1 } },
			{ code: 'promotion.attempt_voided', data: { attemptId: 'v' } }
		]);
	});

	it('waits for a result still being graded, and ignores attempts dated after now', () => {
		expect(
			checkPromotion(
				pc,
				[rec({ status: 'pending', passed: undefined, attemptId: 'p' })],
				DEFAULT_PROMOTION_POLICY,
				now
			).reasons[0]?.code
		).toBe('promotion.result_pending');
		expect(
			checkPromotion(pc, [rec({ takenOn: '2025-06-02' })], DEFAULT_PROMOTION_POLICY, now).allowed
		).toBe(false);
	});

	it('lets congress-appointed and non-leading posts through by default, and follows a stricter setting', () => {
		const congress = { ...pc, appointmentRoute: 'congress' as const };
		expect(checkPromotion(congress, [], DEFAULT_PROMOTION_POLICY, now)).toMatchObject({
			allowed: true,
			reasons: [{ code: 'promotion.exam_not_required' }]
		});
		expect(
			checkPromotion({ ...pc, leadingPost: false }, [], DEFAULT_PROMOTION_POLICY, now).allowed
		).toBe(true);
		const strict = { ...DEFAULT_PROMOTION_POLICY, congress: { examRequired: true, maxRetakes: 0 } };
		expect(checkPromotion(congress, [fail()], strict, now).reasons[0]?.code).toBe(
			'promotion.attempts_exhausted'
		);
	});

	it('rejects a case without a valid nomination date', () => {
		expect(() =>
			checkPromotion({ ...pc, nominatedOn: '2025-13-01' }, [], DEFAULT_PROMOTION_POLICY, now)
		).toThrow(ValidationError);
	});
});

describe('checkPromotion (properties)', () => {
	const recordArb = fc.record({
		offset: fc.integer({ min: -60, max: 60 }),
		outcome: fc.constantFrom('pass', 'fail', 'voided', 'pending'),
		forCase: fc.boolean(),
		id: fc.integer({ min: 0, max: 1_000_000 })
	});
	const build = (
		r: { offset: number; outcome: string; forCase: boolean; id: number },
		i: number
	): ExamRecord => ({
		attemptId: `a${r.id}-${i}`,
		sittingId: 's',
		personId: 'p1',
		kind: 'pre_appointment',
		caseId: r.forCase ? 'case-1' : 'case-0',
		takenOn: addDays('2025-03-01', r.offset),
		status: r.outcome === 'voided' ? 'voided' : r.outcome === 'pending' ? 'pending' : 'graded',
		passed: r.outcome === 'pass',
		score: r.outcome === 'pass' ? 80 : 40
	});

	it('the order of records never matters', () => {
		fc.assert(
			fc.property(fc.array(recordArb, { maxLength: 8 }), fc.integer(), (raw, seed) => {
				const records = raw.map(build);
				const shuffled = [...records].sort(
					(a, b) => ((a.attemptId.length * 31 + seed) % 7) - ((b.attemptId.length * 17 + seed) % 5)
				);
				expect(checkPromotion(pc, shuffled, DEFAULT_PROMOTION_POLICY, now)).toEqual(
					checkPromotion(pc, records, DEFAULT_PROMOTION_POLICY, now)
				);
				expect(checkPromotion(pc, [...records].reverse(), DEFAULT_PROMOTION_POLICY, now)).toEqual(
					checkPromotion(pc, records, DEFAULT_PROMOTION_POLICY, now)
				);
			})
		);
	});

	it('a pass before the nomination never counts', () => {
		fc.assert(
			fc.property(fc.array(recordArb, { maxLength: 8 }), (raw) => {
				const records = raw.map(build);
				const before = records.filter((r) => r.takenOn < pc.nominatedOn);
				const after = records.filter((r) => r.takenOn >= pc.nominatedOn);
				const d = checkPromotion(pc, records, DEFAULT_PROMOTION_POLICY, now);
				expect(d.allowed).toBe(checkPromotion(pc, after, DEFAULT_PROMOTION_POLICY, now).allowed);
				if (d.allowed) {
					const used = d.evidence.find((e) => e.attemptId === d.reasons[0]?.data['attemptId']);
					expect(used!.takenOn >= pc.nominatedOn).toBe(true);
				}
				for (const e of d.evidence)
					if (before.some((b) => b.attemptId === e.attemptId))
						expect(e.use === 'before_nomination' || e.use === 'other_case').toBe(true);
			})
		);
	});
});
