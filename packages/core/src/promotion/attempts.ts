/**
 * How the gate uses each of the candidate's pre-appointment attempts: which count, in what order, and
 * what a voided one does to the rest.
 */
import { addMonths, type IsoDate } from '../calendar/dates.ts';
import { countingAttempt } from '../grading/attempt.ts';
import type { Reason } from '../rule-result.ts';
import type { ExamRecord } from './case.ts';
import type { VoidedAttemptRule } from './policy.ts';

/**
 * How the gate used one attempt: `counted`; or not, because it was taken `before_counting` (before the
 * policy's counting point), with `no_counting_date` (the case lacks the date the policy counts from),
 * for an `other_case`, `after_now`, `after_pass`, `barred` (after a voided attempt, within the bar),
 * `superseded` (a pass that another attempt of its sitting outranks under the exam's policy: it is
 * no pass, and takes none of the allowed attempts) or `beyond_limit` (after the allowed attempts).
 */
export type EvidenceUse =
	| 'counted'
	| 'before_counting'
	| 'no_counting_date'
	| 'other_case'
	| 'after_now'
	| 'after_pass'
	| 'barred'
	| 'superseded'
	| 'beyond_limit';

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
	/** The attempt of the same sitting that counts instead, when `superseded`. */
	supersededBy?: string;
}

function outcomeOf(r: ExamRecord): PromotionEvidence['outcome'] {
	if (r.status === 'voided') return 'fail';
	if (r.status === 'pending') return 'pending';
	return r.passed ? 'pass' : 'fail';
}

/** Orders two strings by UTF-16 code units (locale-free, so every machine sorts alike). */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The candidate's pre-appointment attempts in date order, ties by attempt id, so the input order
 * never matters.
 *
 * @param records - exam records (others' and other kinds are left out)
 * @param personId - the candidate
 * @returns the attempts the gate reads
 */
export function candidateAttempts(records: readonly ExamRecord[], personId: string): ExamRecord[] {
	return records
		.filter((r) => r.personId === personId && r.kind === 'pre_appointment')
		.sort((a, b) => byText(a.takenOn, b.takenOn) || byText(a.attemptId, b.attemptId));
}

/**
 * Each graded attempt that another attempt of its sitting outranks under the exam's policy, with
 * that attempt: the core's countingAttempt over the person's attempts in the sitting, as the
 * sitting's results read them. Records without `number` and `counts` stand on their own.
 */
function outranked(records: readonly ExamRecord[]): Map<ExamRecord, ExamRecord> {
	const bySitting = new Map<string, ExamRecord[]>();
	for (const r of records)
		if (r.number !== undefined && r.counts !== undefined)
			bySitting.set(r.sittingId, [...(bySitting.get(r.sittingId) ?? []), r]);
	const out = new Map<ExamRecord, ExamRecord>();
	for (const mine of bySitting.values()) {
		const attempts = mine.map((r) => ({
			r,
			number: r.number!,
			state: STATE[r.status],
			...(r.score !== undefined ? { grade: { score: r.score } } : {})
		}));
		const counting = countingAttempt(attempts, { counts: mine[0]!.counts! })?.r;
		if (!counting) continue;
		for (const r of mine) if (r.status === 'graded' && r !== counting) out.set(r, counting);
	}
	return out;
}

/** An attempt's state as its record's status tells it (what countingAttempt reads). */
const STATE = { graded: 'graded', pending: 'needs_grading', voided: 'voided' } as const;

/** What the attempts come to before exemptions and the route are weighed. */
export interface AttemptsWeighed {
	/** Every attempt with its use. */
	evidence: PromotionEvidence[];
	/** The counted pass, if any. */
	pass?: PromotionEvidence;
	/** The first counted attempt still being graded. */
	pending?: PromotionEvidence;
	/** The voided attempt that bars the case (`bars_case`). */
	barredCase?: PromotionEvidence;
	/** The first day a retake counts again (`bars_until`). */
	barredUntil?: IsoDate;
	/** One reason per counted voided attempt that does not bar the case. */
	voids: Reason[];
}

/**
 * Marks each attempt (sorted by date, then id) with how the gate uses it.
 *
 * @param sorted - the candidate's pre-appointment attempts in date order
 * @param rules - the case id, the counting date (undefined when the case lacks it), today, the number
 * of attempts that count and what a voided attempt means
 * @returns the evidence and what it comes to
 */
export function weighAttempts(
	sorted: readonly ExamRecord[],
	rules: {
		caseId: string;
		from: IsoDate | undefined;
		today: IsoDate;
		limit: number;
		voided: VoidedAttemptRule;
	}
): AttemptsWeighed {
	const { caseId, from, today, limit, voided } = rules;
	const out: AttemptsWeighed = { evidence: [], voids: [] };
	let counted = 0;
	const beaten = outranked(sorted);
	for (const r of sorted) {
		let use: EvidenceUse;
		if (r.caseId !== caseId) use = 'other_case';
		else if (from === undefined) use = 'no_counting_date';
		else if (r.takenOn < from) use = 'before_counting';
		else if (r.takenOn > today) use = 'after_now';
		else if (out.pass) use = 'after_pass';
		else if (out.barredCase || (out.barredUntil !== undefined && r.takenOn < out.barredUntil))
			use = 'barred';
		else if (beaten.has(r) && outcomeOf(r) === 'pass') use = 'superseded';
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
			use,
			...(use === 'superseded' ? { supersededBy: beaten.get(r)!.attemptId } : {})
		};
		out.evidence.push(e);
		if (use !== 'counted') continue;
		e.attemptNo = ++counted;
		if (e.outcome === 'pass') out.pass = e;
		else if (e.outcome === 'pending') out.pending ??= e;
		if (r.status !== 'voided') continue;
		if (voided.effect === 'bars_case') out.barredCase = e;
		else if (voided.effect === 'bars_until') {
			out.barredUntil = addMonths(r.takenOn, voided.months);
			out.voids.push({
				code: 'promotion.attempt_voided_bar',
				data: { attemptId: r.attemptId, until: out.barredUntil, months: voided.months }
			});
		} else out.voids.push({ code: 'promotion.attempt_voided', data: { attemptId: r.attemptId } });
	}
	return out;
}
