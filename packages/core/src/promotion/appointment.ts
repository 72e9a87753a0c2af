/**
 * The day of a formal appointment (正式任命) against the case and the gate's evidence: 先考后提 means
 * the exam comes before the appointment, and the appointment comes after the case's nomination and
 * public notice (公示期满、正式任命之前).
 */
import type { Issue } from '../errors.ts';
import { isIsoDate, type IsoDate } from '../calendar/dates.ts';
import type { PromotionCase } from './case.ts';
import type { PromotionDecision } from './gate.ts';

const CASE_STEPS = [
	['publicNoticeEndsOn', 'public_notice_end'],
	['publicNoticeOn', 'public_notice'],
	['nominatedOn', 'nomination']
] as const;

/**
 * The problems of recording an appointment of a case on `appointedOn`, given the gate's decision that
 * allowed it: a date that is not a date; a date before the latest step of the case on record (the end
 * of the public notice, else its start, else the nomination); for a gated case, a date before the pass
 * that opened the gate, or (exempted) before the exemption's document, since a pass or a document
 * that came after the appointment cannot have tested the candidate before it. The same day is allowed.
 *
 * @param promotionCase - the case
 * @param decision - the gate's decision (as {@link checkPromotion} returned it)
 * @param appointedOn - the day of the appointment
 * @returns the issues, with path `appointedOn` (empty when the date is sound)
 * @example
 * validateAppointmentDate(promotionCase, decision, '2025-03-01');
 * // → [{ code: 'promotion.appointment.before_pass', path: 'appointedOn',
 * //       data: { date: '2025-03-01', takenOn: '2025-03-10' } }]
 */
export function validateAppointmentDate(
	promotionCase: PromotionCase,
	decision: Pick<PromotionDecision, 'reasons' | 'evidence' | 'exemptions'>,
	appointedOn: IsoDate
): Issue[] {
	const path = 'appointedOn';
	if (!isIsoDate(appointedOn))
		return [{ code: 'promotion.appointment.date_invalid', path, data: { date: appointedOn } }];
	const issues: Issue[] = [];
	for (const [field, step] of CASE_STEPS) {
		const date = promotionCase[field];
		if (date === undefined) continue;
		if (appointedOn < date)
			issues.push({
				code: 'promotion.appointment.before_case_step',
				path,
				data: { date: appointedOn, countFrom: step, stepDate: date }
			});
		break;
	}
	const decisive = decision.reasons[0]?.code;
	if (decisive !== 'promotion.passed' && decisive !== 'promotion.exempted') return issues;
	const pass = decision.evidence.find((e) => e.use === 'counted' && e.outcome === 'pass');
	if (pass && pass.takenOn <= appointedOn) return issues;
	// a pass after the appointment may still give way to an exemption held before it
	const exemption = decision.exemptions
		.filter((e) => e.use === 'applied' || e.use === 'not_needed')
		.map((e) => e.documentDate)
		.sort()[0];
	if (exemption !== undefined && exemption <= appointedOn) return issues;
	if (pass)
		issues.push({
			code: 'promotion.appointment.before_pass',
			path,
			data: { date: appointedOn, takenOn: pass.takenOn }
		});
	else if (exemption !== undefined)
		issues.push({
			code: 'promotion.appointment.before_exemption',
			path,
			data: { date: appointedOn, documentDate: exemption }
		});
	return issues;
}
