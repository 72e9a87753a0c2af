/**
 * What the promotion gate reads: the case with the dates it has and its exemption claims, and the
 * candidate's exam records.
 */
import type { Issue } from '../errors.ts';
import { isIsoDate, type IsoDate } from '../calendar/dates.ts';
import type { AppointingBody } from '../oath/policy.ts';
import type { RetakePolicy } from '../grading/attempt.ts';

/** How a post is filled: by the people's congress or its standing committee, or by the government/party. */
export type AppointmentRoute = 'congress' | 'government';

/** Exam kinds, as the exam module names them. */
export type ExamKind = 'pre_appointment' | 'enforcement' | 'annual' | 'practice';

/**
 * The points of a case from which pre-appointment exams count: nomination (提名), the start of the
 * public notice (公示) or its end (公示期满).
 */
export const COUNT_FROM_POINTS = ['nomination', 'public_notice', 'public_notice_end'] as const;

/** One of {@link COUNT_FROM_POINTS}. */
export type CountFrom = (typeof COUNT_FROM_POINTS)[number];

/** The case field that holds the date of each counting point. */
export const COUNT_FROM_FIELD = {
	nomination: 'nominatedOn',
	public_notice: 'publicNoticeOn',
	public_notice_end: 'publicNoticeEndsOn'
} as const satisfies Record<CountFrom, keyof PromotionCase>;

/**
 * A claim that the candidate is exempt from the exam (for example as a holder of the national legal
 * professional qualification), with the document that grounds it.
 */
export interface ExemptionClaim {
	/** The exemption kind, as the policy lists it, e.g. `legal_profession_qualification`. */
	kind: string;
	/** The document (e.g. 法律职业资格证书). */
	documentName: string;
	/** Its number, when it has one. */
	documentNumber?: string;
	/** The date the document was issued. */
	documentDate: IsoDate;
	/** Who recorded the claim (a person id or name). */
	recordedBy: string;
	/** When it was recorded. */
	recordedOn: IsoDate;
}

/** A promotion case (拟任), as HR stores it: the dates it has so far. */
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
	/** Nomination date (提名), once there is one. */
	nominatedOn?: IsoDate;
	/** First day of the public notice (公示), once it has started. */
	publicNoticeOn?: IsoDate;
	/** The day the public notice ends (公示期满日); exams on that day count from `public_notice_end`. */
	publicNoticeEndsOn?: IsoDate;
	/** Exemption claims with their documents. */
	exemptionClaims?: ExemptionClaim[];
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
	/** The attempt's number in its sitting (1, 2 …); read with `counts`. */
	number?: number;
	/**
	 * Which of the person's graded attempts in the sitting counts under the exam's retake policy (the
	 * highest score or the last, as the sitting's results read it: `countingAttempt`). With `number`,
	 * a pass that another attempt of its sitting outranks is no pass at the gate; without them, every
	 * attempt stands on its own.
	 */
	counts?: RetakePolicy['counts'];
}

const DATE_ORDER = ['nominatedOn', 'publicNoticeOn', 'publicNoticeEndsOn'] as const;

/**
 * The structural problems of a case: a date that is present but not a date, dates out of order
 * (nomination ≤ public notice ≤ its end), an unknown route, an incomplete exemption claim.
 *
 * @param promotionCase - the case
 * @returns the issues, with paths (empty when the case is sound)
 * @example
 * validatePromotionCase({ ...promotionCase, publicNoticeOn: '2025-02-30' });
 * // → [{ code: 'promotion.case.date_invalid', path: 'publicNoticeOn', data: { date: '2025-02-30' } }]
 */
export function validatePromotionCase(promotionCase: PromotionCase): Issue[] {
	const issues: Issue[] = [];
	let previous: { field: string; date: IsoDate } | undefined;
	for (const field of DATE_ORDER) {
		const date = promotionCase[field];
		if (date === undefined) continue;
		if (!isIsoDate(date)) {
			issues.push({ code: 'promotion.case.date_invalid', path: field, data: { date } });
			continue;
		}
		if (previous && date < previous.date)
			issues.push({
				code: 'promotion.case.dates_out_of_order',
				path: field,
				data: { date, before: previous.date }
			});
		previous = { field, date };
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
	(promotionCase.exemptionClaims ?? []).forEach((c, i) => {
		const path = `exemptionClaims.${i}`;
		if (!/^[a-z][a-z0-9_]*$/.test(c.kind))
			issues.push({
				code: 'promotion.claim.kind_invalid',
				path: `${path}.kind`,
				data: { exemption: c.kind }
			});
		if (!c.documentName?.trim())
			issues.push({ code: 'promotion.claim.document_missing', path: `${path}.documentName` });
		for (const field of ['documentDate', 'recordedOn'] as const)
			if (!isIsoDate(c[field]))
				issues.push({
					code: 'promotion.claim.date_invalid',
					path: `${path}.${field}`,
					data: { date: c[field] }
				});
		if (!c.recordedBy?.trim())
			issues.push({ code: 'promotion.claim.recorder_missing', path: `${path}.recordedBy` });
	});
	return issues;
}

/** Bodies whose appointees are appointed by the people's congress (人大任命); every other body's are not. */
const CONGRESS_BODIES: readonly AppointingBody[] = ['people_congress', 'standing_committee'];

/**
 * The appointment route an appointing body stands for: the people's congress and its standing
 * committee appoint by the congress route (人大任命); the government, the party committee, the
 * supervisory commission, the court, the procuratorate and any other body do not (非人大任命), and the
 * pre-appointment exam applies to them.
 *
 * @param body - the appointing body
 * @returns `congress` or `government`
 * @example
 * appointmentRouteOf('standing_committee'); // → 'congress'
 * appointmentRouteOf('party_committee'); // → 'government'
 */
export function appointmentRouteOf(body: AppointingBody): AppointmentRoute {
	return CONGRESS_BODIES.includes(body) ? 'congress' : 'government';
}

/**
 * The problem of a case whose appointment route does not match its appointing body (e.g. the
 * congress route, which needs no exam here, for a post the government appoints).
 *
 * @param route - the route recorded on the case
 * @param body - the appointing body recorded on the case
 * @returns `promotion.case.route_body_mismatch` on `appointmentRoute`, or nothing
 * @example
 * validateRouteAndBody('congress', 'government');
 * // → [{ code: 'promotion.case.route_body_mismatch', path: 'appointmentRoute',
 * //       data: { route: 'congress', body: 'government', expectedRoute: 'government' } }]
 */
export function validateRouteAndBody(route: AppointmentRoute, body: AppointingBody): Issue[] {
	const expected = appointmentRouteOf(body);
	return route === expected
		? []
		: [
				{
					code: 'promotion.case.route_body_mismatch',
					path: 'appointmentRoute',
					data: { route, body, expectedRoute: expected }
				}
			];
}
