import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	COUNT_FROM_FIELD,
	COUNT_FROM_POINTS,
	DEFAULT_PROMOTION_POLICY,
	addDays,
	checkPromotion,
	type ExamRecord,
	type PromotionCase,
	type PromotionPolicy
} from '../index.ts';

const base = '2025-03-01';

/** Three ordered dates (nomination ≤ notice ≤ notice end), each possibly not recorded yet. */
const caseArb = fc
	.record({
		gaps: fc.tuple(fc.nat(20), fc.nat(20)),
		has: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
		leadingPost: fc.boolean(),
		route: fc.constantFrom('government' as const, 'congress' as const)
	})
	.map(({ gaps, has, leadingPost, route }): PromotionCase => {
		const notice = addDays(base, gaps[0]);
		const end = addDays(notice, gaps[1]);
		return {
			id: 'case-1',
			personId: 'p1',
			proposedPost: '副局长',
			leadingPost,
			appointmentRoute: route,
			...(has[0] ? { nominatedOn: base } : {}),
			...(has[1] ? { publicNoticeOn: notice } : {}),
			...(has[2] ? { publicNoticeEndsOn: end } : {})
		};
	});

const policyArb = fc
	.record({
		countFrom: fc.constantFrom(...COUNT_FROM_POINTS),
		retakes: fc.integer({ min: 0, max: 2 }),
		congressExam: fc.boolean(),
		leadingPostsOnly: fc.boolean(),
		voided: fc.oneof(
			fc.constant({ effect: 'counts_as_fail' as const }),
			fc.constant({ effect: 'bars_case' as const }),
			fc.integer({ min: 1, max: 12 }).map((months) => ({ effect: 'bars_until' as const, months }))
		),
		exemptionAllowed: fc.boolean()
	})
	.map((p): PromotionPolicy => ({
		...DEFAULT_PROMOTION_POLICY,
		government: { examRequired: true, maxRetakes: p.retakes },
		congress: { examRequired: p.congressExam, maxRetakes: p.retakes },
		leadingPostsOnly: p.leadingPostsOnly,
		countFrom: p.countFrom,
		voidedAttempt: p.voided,
		exemptions: [{ kind: 'legal_profession_qualification', allowed: p.exemptionAllowed }]
	}));

const recordsArb = fc
	.array(
		fc.record({
			offset: fc.integer({ min: -20, max: 120 }),
			outcome: fc.constantFrom('pass', 'fail', 'voided', 'pending'),
			forCase: fc.boolean()
		}),
		{ maxLength: 8 }
	)
	.map((raw) =>
		raw.map((r, i): ExamRecord => ({
			attemptId: `a${i}`,
			sittingId: 's',
			personId: 'p1',
			kind: 'pre_appointment',
			caseId: r.forCase ? 'case-1' : 'case-0',
			takenOn: addDays(base, r.offset),
			status: r.outcome === 'voided' ? 'voided' : r.outcome === 'pending' ? 'pending' : 'graded',
			passed: r.outcome === 'pass',
			score: r.outcome === 'pass' ? 80 : 40
		}))
	);

const claimsArb = fc.array(
	fc.record({
		kind: fc.constantFrom('legal_profession_qualification', 'veteran'),
		documentName: fc.constantFrom('法律职业资格证书', '证明'),
		documentDate: fc.integer({ min: -400, max: 200 }).map((o) => addDays(base, o)),
		recordedBy: fc.constantFrom('hr1', 'hr2'),
		recordedOn: fc.constant(base)
	}),
	{ maxLength: 3 }
);

const nowArb = fc
	.integer({ min: 0, max: 200 })
	.map((o) => new Date(`${addDays(base, o)}T04:00:00Z`));

/** A case, a policy, the candidate's records, exemption claims and the instant of the check. */
const scenarioArb = fc.record({
	c: caseArb,
	policy: policyArb,
	records: recordsArb,
	claims: claimsArb,
	now: nowArb
});

/**
 * The scenario's records spread over up to three sittings of an exam counting `counts`, numbered
 * within each sitting in date order, as the exam module stores them.
 */
const sittingsArb = fc.record({
	scenario: scenarioArb,
	sittings: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 8, maxLength: 8 }),
	counts: fc.constantFrom('highest' as const, 'last' as const)
});

function inSittings(
	records: readonly ExamRecord[],
	sittings: number[],
	counts: 'highest' | 'last'
) {
	const next = new Map<string, number>();
	return [...records]
		.sort((a, b) => (a.takenOn < b.takenOn ? -1 : a.takenOn > b.takenOn ? 1 : 0))
		.map((r) => {
			const sittingId = `s${sittings[Number(r.attemptId.slice(1))]}`;
			const number = (next.get(sittingId) ?? 0) + 1;
			next.set(sittingId, number);
			return { ...r, sittingId, number, counts };
		});
}

describe('checkPromotion (properties)', () => {
	it('the attempt a sitting counts never opens a gate its attempts alone kept shut, and the pass it opens on is the one counted', () => {
		fc.assert(
			fc.property(sittingsArb, ({ scenario: { c, policy, records, now }, sittings, counts }) => {
				const counted = inSittings(records, sittings, counts);
				const d = checkPromotion(c, counted, policy, now);
				if (d.allowed) expect(checkPromotion(c, records, policy, now).allowed).toBe(true);
				if (d.reasons[0]?.code !== 'promotion.passed' || counts !== 'last') return;
				const pass = counted.find((r) => r.attemptId === d.reasons[0]!.data['attemptId'])!;
				const later = counted.filter(
					(r) => r.sittingId === pass.sittingId && r.status === 'graded' && r.number > pass.number
				);
				expect(later).toEqual([]);
			}),
			// a pass followed in its sitting by a graded attempt, all counted, is a narrow case
			{ numRuns: 1000 }
		);
	});

	it('the order of records and claims never matters', () => {
		fc.assert(
			fc.property(scenarioArb, ({ c, policy, records, claims, now }) => {
				const withClaims = { ...c, exemptionClaims: claims };
				const reversed = { ...c, exemptionClaims: [...claims].reverse() };
				const a = checkPromotion(withClaims, records, policy, now);
				const b = checkPromotion(reversed, [...records].reverse(), policy, now);
				expect(b.log.result).toEqual(a.log.result);
			})
		);
	});

	it('a pass before the counting point never allows an appointment, whatever the setting', () => {
		fc.assert(
			fc.property(scenarioArb, ({ c, policy, records, now }) => {
				const from = c[COUNT_FROM_FIELD[policy.countFrom]];
				const tooEarly = (r: ExamRecord) =>
					r.caseId === c.id && (from === undefined || r.takenOn < from);
				const d = checkPromotion(c, records, policy, now);
				expect(d.allowed).toBe(
					checkPromotion(
						c,
						records.filter((r) => !tooEarly(r)),
						policy,
						now
					).allowed
				);
				if (d.reasons[0]?.code === 'promotion.passed') {
					expect(from).toBeDefined();
					expect(String(d.reasons[0].data['takenOn']) >= from!).toBe(true);
				}
				if (d.reasons[0]?.code !== 'promotion.exam_not_required' && from === undefined)
					expect(d.allowed).toBe(false);
			})
		);
	});

	it('the log, once stored as JSON, replays to the same decision', () => {
		fc.assert(
			fc.property(scenarioArb, ({ c, policy, records, claims, now }) => {
				const d = checkPromotion({ ...c, exemptionClaims: claims }, records, policy, now);
				const stored = JSON.parse(JSON.stringify(d.log)) as typeof d.log;
				const again = checkPromotion(
					stored.inputs.case as unknown as PromotionCase,
					stored.inputs.records as unknown as ExamRecord[],
					stored.inputs.policy as unknown as PromotionPolicy,
					new Date(stored.inputs.now)
				);
				expect(again.log.result).toEqual(stored.result);
				expect(again.allowed).toBe(d.allowed);
			})
		);
	});

	it('an exemption only ever helps a case the policy allows it for', () => {
		fc.assert(
			fc.property(scenarioArb, ({ c, policy, records, claims, now }) => {
				const without = checkPromotion(c, records, policy, now);
				const withClaims = checkPromotion({ ...c, exemptionClaims: claims }, records, policy, now);
				if (without.allowed) expect(withClaims.allowed).toBe(true);
				if (withClaims.allowed && !without.allowed) {
					expect(withClaims.reasons[0]?.code).toBe('promotion.exempted');
					const applied = withClaims.exemptions.filter((e) => e.use === 'applied');
					expect(applied).toHaveLength(1);
					expect(applied[0]!.kind).toBe('legal_profession_qualification');
					expect(policy.exemptions[0]!.allowed).toBe(true);
				}
			})
		);
	});
});
