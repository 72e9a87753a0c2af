import { describe, expect, it } from 'vitest';
import {
	DEFAULT_PROMOTION_POLICY,
	ValidationError,
	appendEntry,
	checkPromotion,
	messageFor,
	type ExamRecord,
	type ExemptionClaim,
	type PromotionCase,
	type PromotionPolicy
} from '../index.ts';
import { examRecordFixture, promotionCaseFixture } from '../testing/factories.ts';

const pc = promotionCaseFixture;
const now = new Date('2025-06-01T02:00:00Z');
const P = DEFAULT_PROMOTION_POLICY;
let n = 0;
const rec = (over: Partial<ExamRecord>): ExamRecord =>
	examRecordFixture({ attemptId: `a${++n}`, ...over });
const fail = (over: Partial<ExamRecord> = {}) => rec({ score: 50, passed: false, ...over });
const codes = (d: { reasons: { code: string }[] }) => d.reasons.map((r) => r.code);

describe('checkPromotion', () => {
	it('allows with a pass for this case after the public notice, showing the evidence', () => {
		const d = checkPromotion(pc, [rec({ attemptId: 'x', sittingId: 'sit-9', score: 72 })], P, now);
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

	it('requires an exam when there is none, and ignores passes before the public notice or for another case', () => {
		const d = checkPromotion(
			pc,
			[
				rec({ takenOn: '2025-03-04' }),
				rec({ caseId: 'case-0' }),
				rec({ kind: 'annual' }),
				rec({ personId: 'p2' })
			],
			P,
			now
		);
		expect(d.allowed).toBe(false);
		expect(d.reasons).toEqual([
			{
				code: 'promotion.exam_required',
				data: { caseId: 'case-1', countFrom: 'public_notice', from: '2025-03-05' }
			},
			{
				code: 'promotion.pass_before_counting_ignored',
				data: { count: 1, countFrom: 'public_notice', from: '2025-03-05' }
			},
			{ code: 'promotion.pass_other_case_ignored', data: { count: 1 } }
		]);
		expect(d.evidence.map((e) => e.use)).toEqual(['before_counting', 'other_case']);
		expect(messageFor(d.reasons[0]!.code, d.reasons[0]!.data)).toBe(
			'须在公示（2025-03-05）后参加本次拟任的任前法律知识考试并合格'
		);
		expect(messageFor(d.reasons[1]!.code, d.reasons[1]!.data, 'en')).toBe(
			'Passes before the public notice (2025-03-05) do not count: 1'
		);
	});

	it('allows one retake; a pass on the retake counts', () => {
		const d = checkPromotion(pc, [rec({ takenOn: '2025-03-20', attemptId: 'r' }), fail()], P, now);
		expect(d.allowed).toBe(true);
		expect(d.reasons[0]?.data).toMatchObject({ attemptId: 'r', attemptNo: 2 });
	});

	it('offers the retake after one fail and blocks after the second', () => {
		const one = checkPromotion(pc, [fail()], P, now);
		expect(one.reasons[0]).toEqual({
			code: 'promotion.retake_available',
			data: { fails: 1, remaining: 1 }
		});
		const two = checkPromotion(
			pc,
			[fail(), fail({ takenOn: '2025-03-20' }), rec({ takenOn: '2025-04-01' })],
			P,
			now
		);
		expect(two.allowed).toBe(false);
		expect(codes(two)).toEqual([
			'promotion.attempts_exhausted',
			'promotion.pass_beyond_limit_ignored'
		]);
	});

	it('waits for a result still being graded, and ignores attempts dated after now', () => {
		expect(
			checkPromotion(pc, [rec({ status: 'pending', passed: undefined, attemptId: 'p' })], P, now)
				.reasons[0]?.code
		).toBe('promotion.result_pending');
		expect(checkPromotion(pc, [rec({ takenOn: '2025-06-02' })], P, now).allowed).toBe(false);
	});

	it('lets congress-appointed and non-leading posts through by default, and follows a stricter setting', () => {
		const congress = { ...pc, appointmentRoute: 'congress' as const };
		expect(checkPromotion(congress, [], P, now)).toMatchObject({
			allowed: true,
			reasons: [{ code: 'promotion.exam_not_required' }]
		});
		expect(checkPromotion({ ...pc, leadingPost: false }, [], P, now).allowed).toBe(true);
		const strict = { ...P, congress: { examRequired: true, maxRetakes: 0 } };
		expect(checkPromotion(congress, [fail()], strict, now).reasons[0]?.code).toBe(
			'promotion.attempts_exhausted'
		);
	});

	it('rejects a case with a date that is not a date, or dates out of order', () => {
		expect(() => checkPromotion({ ...pc, nominatedOn: '2025-13-01' }, [], P, now)).toThrow(
			ValidationError
		);
		try {
			checkPromotion({ ...pc, publicNoticeOn: '2025-02-20' }, [], P, now);
			expect.unreachable();
		} catch (e) {
			expect((e as ValidationError).issues).toEqual([
				{
					code: 'promotion.case.dates_out_of_order',
					path: 'publicNoticeOn',
					data: { date: '2025-02-20', before: '2025-03-01' }
				}
			]);
		}
	});

	it('rejects a policy saved with a bad value, naming the setting', () => {
		const bad = {
			...P,
			countFrom: 'appointment',
			government: { examRequired: true, maxRetakes: -1 }
		};
		try {
			checkPromotion(pc, [], bad as unknown as PromotionPolicy, now);
			expect.unreachable();
		} catch (e) {
			expect((e as ValidationError).issues.map((i) => i.path)).toEqual([
				'policy.countFrom',
				'policy.government.maxRetakes'
			]);
		}
	});
});

describe('where exams count from', () => {
	const early = rec({ takenOn: '2025-03-03', attemptId: 'early' });

	it('a pass after the nomination but before the public notice does not unlock the appointment by default', () => {
		expect(checkPromotion(pc, [early], P, now)).toMatchObject({
			allowed: false,
			reasons: [
				{ code: 'promotion.exam_required' },
				{ code: 'promotion.pass_before_counting_ignored' }
			]
		});
		const fromNomination = { ...P, countFrom: 'nomination' as const };
		expect(checkPromotion(pc, [early], fromNomination, now).allowed).toBe(true);
	});

	it('counts from the end of the public notice when set so, that day included', () => {
		const policy = { ...P, countFrom: 'public_notice_end' as const };
		expect(checkPromotion(pc, [rec({ takenOn: '2025-03-11' })], policy, now).allowed).toBe(false);
		expect(checkPromotion(pc, [rec({ takenOn: '2025-03-12' })], policy, now).allowed).toBe(true);
	});

	it('says which date is missing instead of passing or failing silently', () => {
		const noNotice: PromotionCase = {
			...pc,
			publicNoticeOn: undefined,
			publicNoticeEndsOn: undefined
		};
		const d = checkPromotion(noNotice, [rec({})], P, now);
		expect(d.allowed).toBe(false);
		expect(d.reasons).toEqual([
			{ code: 'promotion.count_from_missing', data: { countFrom: 'public_notice' } }
		]);
		expect(d.evidence.map((e) => e.use)).toEqual(['no_counting_date']);
		expect(messageFor(d.reasons[0]!.code, d.reasons[0]!.data)).toBe(
			'尚未录入公示日期，考试成绩无法认定'
		);
		expect(messageFor(d.reasons[0]!.code, d.reasons[0]!.data, 'en')).toBe(
			'The date of the public notice is not recorded yet, so no exam can count'
		);
		// the same case under a nomination setting has what it needs
		expect(
			checkPromotion(noNotice, [rec({})], { ...P, countFrom: 'nomination' }, now).allowed
		).toBe(true);
		// and a post that is not gated does not need the date at all
		expect(checkPromotion({ ...noNotice, leadingPost: false }, [], P, now).allowed).toBe(true);
	});
});

describe('exemptions', () => {
	const claim: ExemptionClaim = {
		kind: 'legal_profession_qualification',
		documentName: '法律职业资格证书',
		documentNumber: 'A20191100001',
		documentDate: '2019-12-20',
		recordedBy: '组织部 王五',
		recordedOn: '2025-03-06'
	};
	const exempt = { ...pc, exemptionClaims: [claim] };

	it('lets an allowed exemption through with its document as evidence', () => {
		const d = checkPromotion(exempt, [], P, now);
		expect(d.allowed).toBe(true);
		expect(d.reasons).toEqual([
			{
				code: 'promotion.exempted',
				data: {
					exemption: 'legal_profession_qualification',
					document: '法律职业资格证书 A20191100001',
					documentDate: '2019-12-20',
					recordedBy: '组织部 王五',
					recordedOn: '2025-03-06'
				}
			}
		]);
		expect(d.exemptions).toEqual([{ ...claim, use: 'applied' }]);
		expect(messageFor(d.reasons[0]!.code, d.reasons[0]!.data)).toBe(
			'免于任前法律知识考试：取得国家法律职业资格（法律职业资格证书 A20191100001，2019-12-20；组织部 王五 于 2025-03-06 登记）'
		);
		expect(messageFor(d.reasons[0]!.code, d.reasons[0]!.data, 'en')).toContain(
			'Exempt from the pre-appointment exam: holds the national legal professional qualification'
		);
	});

	it('refuses a kind the policy does not allow, one it does not list, and a document dated after today', () => {
		const notAllowed = {
			...P,
			exemptions: [{ kind: 'legal_profession_qualification', allowed: false }]
		};
		const d = checkPromotion(exempt, [], notAllowed, now);
		expect(d.allowed).toBe(false);
		expect(codes(d)).toEqual(['promotion.exam_required', 'promotion.exemption_not_allowed']);
		expect(d.exemptions[0]?.use).toBe('not_allowed');
		expect(messageFor(d.reasons[1]!.code, d.reasons[1]!.data)).toBe(
			'本地规定不允许以“取得国家法律职业资格”免考，须参加考试'
		);

		const unlisted = checkPromotion(
			{ ...pc, exemptionClaims: [{ ...claim, kind: 'veteran' }] },
			[],
			P,
			now
		);
		expect(unlisted.allowed).toBe(false);
		expect(unlisted.reasons[1]).toEqual({
			code: 'promotion.exemption_not_in_policy',
			data: { exemption: 'veteran', documentDate: '2019-12-20' }
		});

		const future = checkPromotion(
			{ ...pc, exemptionClaims: [{ ...claim, documentDate: '2025-07-01' }] },
			[],
			P,
			now
		);
		expect(future.allowed).toBe(false);
		expect(future.exemptions[0]?.use).toBe('document_after_today');
	});

	it('prefers a pass as the decisive reason and marks the claim as not needed', () => {
		const d = checkPromotion(exempt, [rec({})], P, now);
		expect(codes(d)).toEqual(['promotion.passed']);
		expect(d.exemptions[0]?.use).toBe('not_needed');
	});

	it('rejects a claim without the document that grounds it', () => {
		expect(() =>
			checkPromotion({ ...pc, exemptionClaims: [{ ...claim, documentName: ' ' }] }, [], P, now)
		).toThrow(ValidationError);
	});
});

describe('voided attempts', () => {
	const voided = (over: Partial<ExamRecord> = {}) =>
		rec({ status: 'voided', attemptId: 'v', score: undefined, passed: undefined, ...over });

	it('count as a fail by default', () => {
		const d = checkPromotion(pc, [voided(), fail({ takenOn: '2025-03-20' })], P, now);
		expect(d.allowed).toBe(false);
		expect(d.reasons).toEqual([
			{ code: 'promotion.attempts_exhausted', data: { fails: 2, maxRetakes: 1 } },
			{ code: 'promotion.attempt_voided', data: { attemptId: 'v' } }
		]);
	});

	it('bar retakes for some months when set so, and a pass within the bar does not count', () => {
		const policy: PromotionPolicy = { ...P, voidedAttempt: { effect: 'bars_until', months: 6 } };
		const d = checkPromotion(
			pc,
			[voided(), rec({ takenOn: '2025-04-10', attemptId: 'soon' })],
			policy,
			now
		);
		expect(d.allowed).toBe(false);
		expect(d.reasons).toEqual([
			{ code: 'promotion.retake_barred', data: { fails: 1, remaining: 1, until: '2025-09-10' } },
			{
				code: 'promotion.attempt_voided_bar',
				data: { attemptId: 'v', until: '2025-09-10', months: 6 }
			},
			{ code: 'promotion.pass_barred_ignored', data: { count: 1 } }
		]);
		expect(d.evidence.map((e) => e.use)).toEqual(['counted', 'barred']);
		expect(messageFor(d.reasons[0]!.code, d.reasons[0]!.data)).toBe(
			'考试不合格 1 次，还可补考 1 次，但 2025-09-10 前不得补考'
		);

		const later = new Date('2025-10-01T02:00:00Z');
		const after = checkPromotion(
			pc,
			[voided(), rec({ takenOn: '2025-09-10', attemptId: 'ok' })],
			policy,
			later
		);
		expect(after.allowed).toBe(true);
		expect(after.reasons[0]?.data).toMatchObject({ attemptId: 'ok', attemptNo: 2 });
		expect(checkPromotion(pc, [voided()], policy, later).reasons[0]?.code).toBe(
			'promotion.retake_available'
		);
	});

	it('bar the case when set so, whatever follows, an exemption included', () => {
		const policy: PromotionPolicy = { ...P, voidedAttempt: { effect: 'bars_case' } };
		const claim: ExemptionClaim = {
			kind: 'legal_profession_qualification',
			documentName: '法律职业资格证书',
			documentDate: '2019-12-20',
			recordedBy: 'hr',
			recordedOn: '2025-03-06'
		};
		const d = checkPromotion(
			{ ...pc, exemptionClaims: [claim] },
			[voided(), rec({ takenOn: '2025-03-20' })],
			policy,
			now
		);
		expect(d.allowed).toBe(false);
		expect(d.reasons).toEqual([
			{ code: 'promotion.case_barred', data: { attemptId: 'v', takenOn: '2025-03-10' } },
			{ code: 'promotion.pass_barred_ignored', data: { count: 1 } }
		]);
		expect(d.exemptions[0]?.use).toBe('not_needed');
		expect(messageFor(d.reasons[0]!.code, d.reasons[0]!.data, 'en')).toBe(
			'Attempt v of 2025-03-10 was voided for misconduct: this case cannot reach appointment'
		);
	});

	it('refuse a bar that is not a whole number of months', () => {
		const policy = { ...P, voidedAttempt: { effect: 'bars_until', months: 0 } } as PromotionPolicy;
		expect(() => checkPromotion(pc, [], policy, now)).toThrow(ValidationError);
	});
});

describe('the gate log', () => {
	it('holds exactly what the gate read and decided, as plain JSON the audit chain accepts', () => {
		const records = [
			fail(),
			rec({ takenOn: '2025-03-20', attemptId: 'r' }),
			rec({ kind: 'annual' })
		];
		const d = checkPromotion(pc, records, P, now);
		expect(d.log.rule).toBe('promotion.gate');
		expect(d.log.inputs.now).toBe('2025-06-01T02:00:00.000Z');
		expect(d.log.inputs.case).toEqual(pc);
		expect(d.log.inputs.policy).toEqual(P);
		expect(d.log.inputs.records.map((r) => r['attemptId'])).toEqual([records[0]!.attemptId, 'r']);
		expect(d.log.result).toEqual({
			allowed: true,
			reasons: d.reasons,
			evidence: d.evidence,
			exemptions: []
		});
		expect(JSON.parse(JSON.stringify(d.log))).toEqual(d.log);
		const entry = appendEntry(null, {
			at: d.checkedAt,
			actorId: 'hr1',
			action: 'promotion.checked',
			subjectType: 'PromotionCase',
			subjectId: pc.id,
			data: d.log
		});
		expect(entry.data).toBe(d.log);
	});
});

describe('checkPromotion: the attempt that counts in its sitting', () => {
	// one sitting, two attempts by number, under the exam's policy
	const sat = (counts: 'highest' | 'last', ...scores: number[]) =>
		scores.map((score, i) =>
			rec({
				attemptId: `t${i + 1}`,
				takenOn: `2025-03-1${i}`,
				number: i + 1,
				counts,
				score,
				passed: score >= 60
			})
		);

	it('under "the last counts", a pass then a fail in the same sitting is no pass', () => {
		const d = checkPromotion(pc, sat('last', 80, 50), P, now);
		expect(d.allowed).toBe(false);
		expect(d.evidence.map((e) => [e.attemptId, e.use, e.attemptNo])).toEqual([
			['t1', 'superseded', undefined],
			['t2', 'counted', 1]
		]);
		expect(d.evidence[0]!.supersededBy).toBe('t2');
		expect(d.reasons).toEqual([
			{ code: 'promotion.retake_available', data: { fails: 1, remaining: 1 } },
			{ code: 'promotion.pass_superseded_ignored', data: { count: 1 } }
		]);
		expect(messageFor(d.reasons[1]!.code, d.reasons[1]!.data)).toBe(
			'有 1 次合格成绩按考试计分规则由同一场次的另一次作答取代，不予认定'
		);
		expect(d.log.version).toBe(3);
	});

	it('under "the last counts", a later pass is the one shown', () => {
		const d = checkPromotion(pc, sat('last', 70, 90), P, now);
		expect(d.allowed).toBe(true);
		expect(d.reasons[0]).toMatchObject({
			code: 'promotion.passed',
			data: { attemptId: 't2', score: 90, attemptNo: 1 }
		});
	});

	it('under "the highest counts", the best pass is the evidence, even beyond the allowed attempts', () => {
		const once = { ...P, government: { ...P.government, maxRetakes: 0 } };
		const d = checkPromotion(pc, sat('highest', 70, 90), once, now);
		expect(d.allowed).toBe(true);
		expect(d.reasons[0]).toMatchObject({ code: 'promotion.passed', data: { attemptId: 't2' } });
		// a pass then a lower score: the pass stands, as before
		const kept = checkPromotion(pc, sat('highest', 80, 50), P, now);
		expect(kept.allowed).toBe(true);
		expect(kept.evidence.map((e) => e.use)).toEqual(['counted', 'after_pass']);
	});

	it('failed attempts of a sitting each use an allowed attempt, as before', () => {
		const d = checkPromotion(pc, sat('last', 40, 50), P, now);
		expect(d.allowed).toBe(false);
		expect(d.evidence.map((e) => e.use)).toEqual(['counted', 'counted']);
		expect(d.reasons[0]).toEqual({
			code: 'promotion.attempts_exhausted',
			data: { fails: 2, maxRetakes: 1 }
		});
		const retook = checkPromotion(pc, sat('last', 40, 75), P, now);
		expect(retook.reasons[0]).toMatchObject({ code: 'promotion.passed', data: { attemptNo: 2 } });
	});

	it('a later attempt still being graded, or voided, leaves the last graded one counting', () => {
		const [pass, later] = sat('last', 80, 50);
		for (const status of ['pending', 'voided'] as const) {
			const d = checkPromotion(pc, [pass!, { ...later!, status, passed: undefined }], P, now);
			expect(d.allowed).toBe(true);
			expect(d.evidence.map((e) => e.use)).toEqual(['counted', 'after_pass']);
		}
	});

	it('records without the exam policy stand on their own (a check logged before version 3)', () => {
		const old = sat('last', 80, 50).map(({ counts: _c, number: _n, ...r }) => r);
		expect(checkPromotion(pc, old, P, now).allowed).toBe(true);
	});
});
