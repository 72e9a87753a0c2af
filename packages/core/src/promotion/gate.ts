/**
 * The promotion gate (先考后提、逢提必考): may a promotion case proceed to appointment?
 */
import { ValidationError, type Issue } from '../errors.ts';
import { isIsoDate, shanghaiDate, type IsoDate } from '../calendar/dates.ts';
import type { Reason } from '../rule-result.ts';

/** How a post is filled: by the people's congress or its standing committee, or by the government/party. */
export type AppointmentRoute = 'congress' | 'government';

/** Exam kinds, as the exam module names them. */
export type ExamKind = 'pre_appointment' | 'enforcement' | 'annual' | 'practice';

/** A promotion case (拟任), as HR stores it. */
export interface PromotionCase {
	/** Stable id; pre-appointment attempts name it in `caseId`. */
	id: string;
	/** The candidate. */
	personId: string;
	/** The proposed post (职务). */
	proposedPost: string;
	/** Whether the post is a leading post (领导职务). */
	leadingPost: boolean;
	/** Appointment route. */
	appointmentRoute: AppointmentRoute;
	/** Nomination date (提名); only exams taken on or after it count. */
	nominatedOn: IsoDate;
	/** Public-notice date (公示), informative. */
	publicNoticeOn?: IsoDate;
}

/** One exam attempt of the candidate, as the exam module reports it (input to the gate). */
export interface ExamRecord {
	/** The attempt's id. */
	attemptId: string;
	/** The sitting (场次). */
	sittingId: string;
	/** The person. */
	personId: string;
	/** The exam kind; only `pre_appointment` counts at the gate. */
	kind: ExamKind;
	/** The promotion case the attempt was taken for (pre-appointment exams). */
	caseId?: string;
	/** The day it was taken (Asia/Shanghai). */
	takenOn: IsoDate;
	/** `graded` (score final), `pending` (awaiting hand grading) or `voided` (e.g. cheating). */
	status: 'graded' | 'pending' | 'voided';
	/** Score, when graded. */
	score?: number;
	/** Maximum score. */
	maxScore?: number;
	/** Pass, when graded. */
	passed?: boolean;
}

/** Gate settings for one appointment route. */
export interface RouteGatePolicy {
	/** A passed pre-appointment exam for this case is required. */
	examRequired: boolean;
	/** Retakes allowed after a fail (1: one retake, so two attempts in all). */
	maxRetakes: number;
}

/** Gate settings. */
export interface PromotionPolicy {
	/** Government-appointed posts (default: exam required, one retake). */
	government: RouteGatePolicy;
	/** Congress-appointed posts (default: no exam required here). */
	congress: RouteGatePolicy;
	/** Only leading posts are gated (default true). */
	leadingPostsOnly: boolean;
}

/** The default {@link PromotionPolicy}. */
export const DEFAULT_PROMOTION_POLICY: PromotionPolicy = {
	government: { examRequired: true, maxRetakes: 1 },
	congress: { examRequired: false, maxRetakes: 1 },
	leadingPostsOnly: true
};

/** How the gate used one attempt. */
export type EvidenceUse =
	'counted' | 'before_nomination' | 'other_case' | 'after_now' | 'beyond_limit' | 'after_pass';

/** One attempt shown as evidence, with how the gate used it. */
export interface PromotionEvidence {
	/** The attempt. */
	attemptId: string;
	/** The sitting. */
	sittingId: string;
	/** Date taken. */
	takenOn: IsoDate;
	/** The case it was taken for. */
	caseId?: string;
	/** Score (graded attempts). */
	score?: number;
	/** Maximum score. */
	maxScore?: number;
	/** Result: `pass`, `fail` (voided counts as fail), or `pending`. */
	outcome: 'pass' | 'fail' | 'pending';
	/** Attempt status as recorded. */
	status: ExamRecord['status'];
	/** How the gate used it. */
	use: EvidenceUse;
	/** 1-based position among the counted attempts, when counted. */
	attemptNo?: number;
}

/** The gate's decision. */
export interface PromotionDecision {
	/** Whether the case may proceed to appointment. */
	allowed: boolean;
	/** Why, as codes with data (first reason is the decisive one). */
	reasons: Reason[];
	/** The candidate's pre-appointment attempts, by date, with how each was used. */
	evidence: PromotionEvidence[];
	/** The instant of the check (ISO-8601), for the audit log. */
	checkedAt: string;
}

function outcomeOf(r: ExamRecord): PromotionEvidence['outcome'] {
	if (r.status === 'voided') return 'fail';
	if (r.status === 'pending') return 'pending';
	return r.passed ? 'pass' : 'fail';
}

/**
 * Decides whether a promotion case may proceed to appointment.
 *
 * Rules (policy defaults): for a government-appointed leading post the candidate needs a pass in a
 * pre-appointment exam taken **for this case**, on or after its nomination date and not after `now`;
 * attempts count in date order (ties by attempt id, so the input order never matters); at most
 * `1 + maxRetakes` attempts count; a voided attempt is a fail; when every allowed attempt failed, the
 * appointment is blocked. Congress-appointed posts follow `policy.congress`.
 *
 * @param promotionCase - the case
 * @param records - the candidate's exam records (others' and other kinds are ignored)
 * @param policy - gate settings
 * @param now - the instant of the check
 * @returns `{ allowed, reasons, evidence, checkedAt }`
 * @throws ValidationError when the case has no valid nomination date
 * @example
 * const d = checkPromotion(promotionCase, records, DEFAULT_PROMOTION_POLICY, new Date());
 * if (!d.allowed) show(d.reasons.map((r) => messageFor(r.code, r.data)));
 */
export function checkPromotion(
	promotionCase: PromotionCase,
	records: readonly ExamRecord[],
	policy: PromotionPolicy = DEFAULT_PROMOTION_POLICY,
	now: Date
): PromotionDecision {
	const issues: Issue[] = [];
	if (!isIsoDate(promotionCase.nominatedOn)) {
		issues.push({
			code: 'promotion.case.nomination_invalid',
			path: 'nominatedOn',
			data: { date: promotionCase.nominatedOn }
		});
	}
	if (
		promotionCase.appointmentRoute !== 'congress' &&
		promotionCase.appointmentRoute !== 'government'
	) {
		issues.push({
			code: 'promotion.case.route_invalid',
			path: 'appointmentRoute',
			data: { route: promotionCase.appointmentRoute }
		});
	}
	if (issues.length > 0) throw new ValidationError(issues);

	const today = shanghaiDate(now);
	const route = policy[promotionCase.appointmentRoute];
	const limit = 1 + Math.max(0, Math.floor(route.maxRetakes));
	const mine = records
		.filter((r) => r.personId === promotionCase.personId && r.kind === 'pre_appointment')
		.sort((a, b) =>
			a.takenOn < b.takenOn
				? -1
				: a.takenOn > b.takenOn
					? 1
					: a.attemptId < b.attemptId
						? -1
						: a.attemptId > b.attemptId
							? 1
							: 0
		);

	const evidence: PromotionEvidence[] = [];
	let counted = 0;
	let pass: PromotionEvidence | undefined;
	let pending: PromotionEvidence | undefined;
	const voided: string[] = [];
	for (const r of mine) {
		let use: EvidenceUse;
		if (r.caseId !== promotionCase.id) use = 'other_case';
		else if (r.takenOn < promotionCase.nominatedOn) use = 'before_nomination';
		else if (r.takenOn > today) use = 'after_now';
		else if (pass) use = 'after_pass';
		else if (counted >= limit) use = 'beyond_limit';
		else use = 'counted';
		const e: PromotionEvidence = {
			attemptId: r.attemptId,
			sittingId: r.sittingId,
			takenOn: r.takenOn,
			...(r.caseId !== undefined ? { caseId: r.caseId } : {}),
			...(r.score !== undefined ? { score: r.score } : {}),
			...(r.maxScore !== undefined ? { maxScore: r.maxScore } : {}),
			outcome: outcomeOf(r),
			status: r.status,
			use
		};
		if (use === 'counted') {
			e.attemptNo = ++counted;
			if (e.outcome === 'pass') pass = e;
			else if (e.outcome === 'pending') pending ??= e;
			if (r.status === 'voided') voided.push(r.attemptId);
		}
		evidence.push(e);
	}

	const reasons: Reason[] = [];
	let allowed: boolean;
	const gated = route.examRequired && (promotionCase.leadingPost || !policy.leadingPostsOnly);
	if (!gated) {
		allowed = true;
		reasons.push({
			code: 'promotion.exam_not_required',
			data: { route: promotionCase.appointmentRoute, leadingPost: promotionCase.leadingPost }
		});
	} else if (pass) {
		allowed = true;
		reasons.push({
			code: 'promotion.passed',
			data: {
				attemptId: pass.attemptId,
				sittingId: pass.sittingId,
				score: pass.score,
				takenOn: pass.takenOn,
				attemptNo: pass.attemptNo
			}
		});
	} else {
		allowed = false;
		const fails = evidence.filter((e) => e.use === 'counted' && e.outcome === 'fail').length;
		if (pending)
			reasons.push({
				code: 'promotion.result_pending',
				data: { attemptId: pending.attemptId, takenOn: pending.takenOn }
			});
		else if (fails === 0)
			reasons.push({
				code: 'promotion.exam_required',
				data: { caseId: promotionCase.id, nominatedOn: promotionCase.nominatedOn }
			});
		else if (fails < limit)
			reasons.push({
				code: 'promotion.retake_available',
				data: { fails, remaining: limit - fails }
			});
		else
			reasons.push({
				code: 'promotion.attempts_exhausted',
				data: { fails, maxRetakes: limit - 1 }
			});
	}
	for (const attemptId of voided)
		reasons.push({ code: 'promotion.attempt_voided', data: { attemptId } });
	const ignoredPasses = (use: EvidenceUse) =>
		evidence.filter((e) => e.use === use && e.outcome === 'pass').length;
	for (const [use, code] of [
		['before_nomination', 'promotion.pass_before_nomination_ignored'],
		['other_case', 'promotion.pass_other_case_ignored'],
		['beyond_limit', 'promotion.pass_beyond_limit_ignored'],
		['after_now', 'promotion.pass_after_now_ignored']
	] as const) {
		const count = ignoredPasses(use);
		if (count > 0 && gated)
			reasons.push({ code, data: { count, nominatedOn: promotionCase.nominatedOn } });
	}
	return { allowed, reasons, evidence, checkedAt: now.toISOString() };
}
