/**
 * The promotion gate (先考后提、逢提必考): may a promotion case proceed to appointment?
 */
import { ValidationError, type Issue } from '../errors.ts';
import { shanghaiDate, type IsoDate } from '../calendar/dates.ts';
import type { JsonObject } from '../audit/canonical.ts';
import type { Reason } from '../rule-result.ts';
import {
	COUNT_FROM_FIELD,
	validatePromotionCase,
	type ExamRecord,
	type PromotionCase
} from './case.ts';
import {
	DEFAULT_PROMOTION_POLICY,
	validatePromotionPolicy,
	type PromotionPolicy
} from './policy.ts';
import {
	candidateAttempts,
	weighAttempts,
	type EvidenceUse,
	type PromotionEvidence
} from './attempts.ts';
import {
	exemptedReason,
	refusedReason,
	weighClaims,
	type ExemptionEvidence
} from './exemptions.ts';

/**
 * What a gate check used and what it decided, as plain JSON for the audit chain: the case, the
 * candidate's pre-appointment records, the policy and the instant; and the result. Running
 * {@link checkPromotion} again on `inputs` gives the same `result`. It shares objects with the inputs
 * and the decision (copying would cost more than deciding): serialise it, as the audit chain does,
 * before changing any of them.
 */
export type GateLog = {
	/** Which rule decided. */
	rule: 'promotion.gate';
	/**
	 * The rule's version (2: counting point, exemptions and voided-attempt settings; 3: a pass that
	 * another attempt of its sitting outranks under the exam's policy is no pass).
	 */
	version: number;
	/** Exactly what the rule read. */
	inputs: { case: JsonObject; records: JsonObject[]; policy: JsonObject; now: string };
	/** What it decided. */
	result: {
		allowed: boolean;
		reasons: JsonObject[];
		evidence: JsonObject[];
		exemptions: JsonObject[];
	};
};

/** The gate's decision. */
export interface PromotionDecision {
	/** Whether the case may proceed to appointment. */
	allowed: boolean;
	/** Why, as codes with data (first reason is the decisive one). */
	reasons: Reason[];
	/** The candidate's pre-appointment attempts, by date, with how each was used. */
	evidence: PromotionEvidence[];
	/** The case's exemption claims with their documents, and how each was used. */
	exemptions: ExemptionEvidence[];
	/** The instant of the check (ISO-8601), for the audit log. */
	checkedAt: string;
	/** The inputs and the result as plain JSON, to write to the audit chain. */
	log: GateLog;
}

/**
 * Decides whether a promotion case may proceed to appointment.
 *
 * Rules (policy defaults in brackets): a gated case (government route, leading post) needs a pass in a
 * pre-appointment exam taken **for this case**, on or after the policy's counting point (the start of
 * the public notice) and not after `now`; a case without the date the counting point needs cannot
 * count any attempt (`promotion.count_from_missing`). Attempts count in date order (ties by attempt
 * id, so the input order never matters); at most `1 + maxRetakes` (2) count; a voided attempt follows
 * `policy.voidedAttempt` (a fail). Within a sitting, the attempt that counts is the one the exam's
 * retake policy names (`counts`: the highest score or the last graded, as the sitting's results
 * show): a pass another attempt of its sitting outranks is `superseded`, no pass and no attempt
 * used, while failed attempts each use one as before. When every allowed attempt failed, the appointment is blocked. An
 * exemption claim of a kind the policy allows (法律职业资格), with a document dated no later than
 * today, lets the case through without an exam; other claims are refused with a reason. A case barred
 * by a voided attempt (`bars_case`) stays barred whatever else it has.
 *
 * @param promotionCase - the case
 * @param records - the candidate's exam records (others' and other kinds are ignored)
 * @param policy - gate settings
 * @param now - the instant of the check
 * @returns `{ allowed, reasons, evidence, exemptions, checkedAt, log }`
 * @throws ValidationError when the case (a date present but invalid or out of order, an unknown route,
 * an incomplete exemption claim) or the policy (paths under `policy.`) is not sound
 * @example
 * const d = checkPromotion(promotionCase, records, DEFAULT_PROMOTION_POLICY, new Date());
 * if (!d.allowed) show(d.reasons.map((r) => messageFor(r.code, r.data)));
 * audit.append({ action: 'promotion.checked', data: d.log });
 */
export function checkPromotion(
	promotionCase: PromotionCase,
	records: readonly ExamRecord[],
	policy: PromotionPolicy = DEFAULT_PROMOTION_POLICY,
	now: Date
): PromotionDecision {
	const issues: Issue[] = [
		...validatePromotionCase(promotionCase),
		...validatePromotionPolicy(policy).map((i) => ({ ...i, path: `policy.${i.path ?? ''}` }))
	];
	if (issues.length > 0) throw new ValidationError(issues);

	const today = shanghaiDate(now);
	const route = policy[promotionCase.appointmentRoute];
	const limit = 1 + route.maxRetakes;
	const from: IsoDate | undefined = promotionCase[COUNT_FROM_FIELD[policy.countFrom]];
	const mine = candidateAttempts(records, promotionCase.personId);
	const { evidence, pass, pending, barredCase, barredUntil, voids } = weighAttempts(mine, {
		caseId: promotionCase.id,
		from,
		today,
		limit,
		voided: policy.voidedAttempt
	});

	const gated = route.examRequired && (promotionCase.leadingPost || !policy.leadingPostsOnly);
	const exemptions = weighClaims(
		promotionCase.exemptionClaims ?? [],
		policy.exemptions,
		today,
		gated && !barredCase && !pass
	);
	const exempted = exemptions.find((e) => e.use === 'applied');
	const reasons: Reason[] = [];
	let allowed: boolean;
	if (!gated) {
		allowed = true;
		reasons.push({
			code: 'promotion.exam_not_required',
			data: { route: promotionCase.appointmentRoute, leadingPost: promotionCase.leadingPost }
		});
	} else if (barredCase) {
		allowed = false;
		reasons.push({
			code: 'promotion.case_barred',
			data: { attemptId: barredCase.attemptId, takenOn: barredCase.takenOn }
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
	} else if (exempted) {
		allowed = true;
		reasons.push(exemptedReason(exempted));
	} else {
		allowed = false;
		reasons.push(blockedReason());
	}
	if (gated) reasons.push(...secondaryReasons());
	// no copies: a deep copy costs more than the decision; the audit chain serialises the log at once
	const json = (v: object) => v as unknown as JsonObject;
	const log: GateLog = {
		rule: 'promotion.gate',
		version: 3,
		inputs: {
			case: json(promotionCase),
			records: mine as unknown as JsonObject[],
			policy: json(policy),
			now: now.toISOString()
		},
		result: {
			allowed,
			reasons: [...reasons] as unknown as JsonObject[],
			evidence: [...evidence] as unknown as JsonObject[],
			exemptions: [...exemptions] as unknown as JsonObject[]
		}
	};
	return { allowed, reasons, evidence, exemptions, checkedAt: now.toISOString(), log };

	function blockedReason(): Reason {
		const fails = evidence.filter((e) => e.use === 'counted' && e.outcome === 'fail').length;
		if (from === undefined)
			return { code: 'promotion.count_from_missing', data: { countFrom: policy.countFrom } };
		if (pending)
			return {
				code: 'promotion.result_pending',
				data: { attemptId: pending.attemptId, takenOn: pending.takenOn }
			};
		if (fails === 0)
			return {
				code: 'promotion.exam_required',
				data: { caseId: promotionCase.id, countFrom: policy.countFrom, from }
			};
		if (fails < limit && barredUntil !== undefined && today < barredUntil)
			return {
				code: 'promotion.retake_barred',
				data: { fails, remaining: limit - fails, until: barredUntil }
			};
		if (fails < limit)
			return { code: 'promotion.retake_available', data: { fails, remaining: limit - fails } };
		return { code: 'promotion.attempts_exhausted', data: { fails, maxRetakes: limit - 1 } };
	}

	function secondaryReasons(): Reason[] {
		const out: Reason[] = [];
		for (const e of exemptions) {
			const refused = refusedReason(e);
			if (refused) out.push(refused);
		}
		out.push(...voids);
		const ignored = (use: EvidenceUse) =>
			evidence.filter((e) => e.use === use && e.outcome === 'pass').length;
		const count = {
			before: ignored('before_counting'),
			other: ignored('other_case'),
			barred: ignored('barred'),
			superseded: ignored('superseded'),
			beyond: ignored('beyond_limit'),
			later: ignored('after_now')
		};
		if (count.before > 0)
			out.push({
				code: 'promotion.pass_before_counting_ignored',
				data: { count: count.before, countFrom: policy.countFrom, from }
			});
		if (count.other > 0)
			out.push({ code: 'promotion.pass_other_case_ignored', data: { count: count.other } });
		if (count.barred > 0)
			out.push({ code: 'promotion.pass_barred_ignored', data: { count: count.barred } });
		if (count.superseded > 0)
			out.push({ code: 'promotion.pass_superseded_ignored', data: { count: count.superseded } });
		if (count.beyond > 0)
			out.push({ code: 'promotion.pass_beyond_limit_ignored', data: { count: count.beyond } });
		if (count.later > 0)
			out.push({ code: 'promotion.pass_after_now_ignored', data: { count: count.later } });
		return out;
	}
}
