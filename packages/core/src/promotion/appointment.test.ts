import { describe, expect, it } from 'vitest';
import {
	DEFAULT_PROMOTION_POLICY,
	checkPromotion,
	messageFor,
	appointmentRouteOf,
	validateAppointmentDate,
	validateRouteAndBody,
	type ExamRecord,
	type PromotionCase
} from '../index.ts';
import { examRecordFixture, promotionCaseFixture } from '../testing/factories.ts';

const pc = promotionCaseFixture;
const now = new Date('2025-06-01T02:00:00Z');
const pass = examRecordFixture({ takenOn: '2025-03-20' });
const gate = (c: PromotionCase, records: ExamRecord[] = [pass]) =>
	checkPromotion(c, records, DEFAULT_PROMOTION_POLICY, now);
const codes = (c: PromotionCase, on: string, records?: ExamRecord[]) =>
	validateAppointmentDate(c, gate(c, records), on).map((i) => i.code);

describe('the day of the appointment (先考后提)', () => {
	it('may be the day of the pass or later, never before it', () => {
		expect(codes(pc, '2025-03-20')).toEqual([]);
		expect(codes(pc, '2025-04-01')).toEqual([]);
		const [issue] = validateAppointmentDate(pc, gate(pc), '2025-03-15');
		expect(issue).toEqual({
			code: 'promotion.appointment.before_pass',
			path: 'appointedOn',
			data: { date: '2025-03-15', takenOn: '2025-03-20' }
		});
		expect(messageFor(issue!.code, issue!.data)).toBe(
			'任命日期 2025-03-15 早于任前法律知识考试合格的日期 2025-03-20：须先考后提'
		);
	});

	it('comes after the public notice has ended (else its start, else the nomination)', () => {
		const c = { ...pc, appointmentRoute: 'congress' as const };
		const [issue] = validateAppointmentDate(c, gate(c, []), '2025-03-10');
		expect(issue!.code).toBe('promotion.appointment.before_case_step');
		expect(messageFor(issue!.code, issue!.data)).toBe(
			'任命日期 2025-03-10 早于公示期满日期 2025-03-12'
		);
		expect(codes(c, '2025-03-12', [])).toEqual([]);
		const { publicNoticeEndsOn: _end, ...noEnd } = c;
		expect(codes(noEnd, '2025-03-04', [])).toEqual(['promotion.appointment.before_case_step']);
		expect(codes(noEnd, '2025-03-05', [])).toEqual([]);
		expect(
			codes(
				{
					id: 'x',
					personId: 'p1',
					proposedPost: '科长',
					leadingPost: true,
					appointmentRoute: 'congress'
				},
				'2025-01-01',
				[]
			)
		).toEqual([]);
	});

	it('is not before the exemption document of an exempted candidate, unless a pass came first', () => {
		const claim = {
			kind: 'legal_profession_qualification',
			documentName: '法律职业资格证书',
			documentDate: '2025-04-01',
			recordedBy: '王',
			recordedOn: '2025-04-02'
		};
		const exempt = { ...pc, exemptionClaims: [claim] };
		expect(codes(exempt, '2025-03-25', [])).toEqual(['promotion.appointment.before_exemption']);
		expect(codes(exempt, '2025-04-01', [])).toEqual([]);
		// passed on 20 March: an appointment on 25 March rests on the pass
		expect(codes(exempt, '2025-03-25')).toEqual([]);
		// a pass after the appointment gives way to a document held before it
		const early = { ...pc, exemptionClaims: [{ ...claim, documentDate: '2025-03-13' }] };
		expect(codes(early, '2025-03-15')).toEqual([]);
	});

	it('refuses a day that is not a date', () => {
		expect(codes(pc, '2025-02-30')).toEqual(['promotion.appointment.date_invalid']);
	});
});

describe('the appointment route follows the appointing body', () => {
	it('is the congress route only for the people’s congress and its standing committee', () => {
		expect(appointmentRouteOf('people_congress')).toBe('congress');
		expect(appointmentRouteOf('standing_committee')).toBe('congress');
		for (const body of ['government', 'party_committee', 'court', 'procuratorate'] as const)
			expect(appointmentRouteOf(body)).toBe('government');
	});

	it('refuses the congress route, which skips the exam, for a post the government appoints', () => {
		expect(validateRouteAndBody('government', 'government')).toEqual([]);
		expect(validateRouteAndBody('congress', 'standing_committee')).toEqual([]);
		const [issue] = validateRouteAndBody('congress', 'government');
		expect(issue!.path).toBe('appointmentRoute');
		expect(messageFor(issue!.code, issue!.data)).toBe(
			'任命机关为人民政府，任命方式应为非人大任命（人大及其常委会以外的机关任命的，须参加任前法律知识考试）'
		);
	});
});
