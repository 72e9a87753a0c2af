import type { OathStatus } from '@xuefa/core';
import { byCount, m } from '$lib/i18n.ts';
import type { CaseState } from '$lib/schemas/hr-enums.ts';
import { labeller } from './labeller.ts';

/** A promotion case's state. */
export const caseStateLabel = /* @__PURE__ */ labeller<CaseState>({
	appointed: m.hr_state_appointed,
	open: m.hr_state_open,
	postponed: m.hr_state_postponed,
	withdrawn: m.hr_state_withdrawn
});
/** An exam's outcome as the gate reads it. */
export const gateOutcomeLabel = /* @__PURE__ */ labeller({
	fail: m.hr_outcome_fail,
	pass: m.hr_outcome_pass,
	pending: m.hr_outcome_pending
});
/** How the gate used a piece of evidence. */
export const gateUseLabel = /* @__PURE__ */ labeller({
	after_now: m.hr_use_after_now,
	after_pass: m.hr_use_after_pass,
	barred: m.hr_use_barred,
	before_counting: m.hr_use_before_counting,
	beyond_limit: m.hr_use_beyond_limit,
	counted: m.hr_use_counted,
	no_counting_date: m.hr_use_no_counting_date,
	other_case: m.hr_use_other_case,
	superseded: m.hr_use_superseded
});
/** How the gate used an exemption. */
export const exemptionUseLabel = /* @__PURE__ */ labeller({
	applied: m.hr_exemption_use_applied,
	document_after_today: m.hr_exemption_use_document_after_today,
	not_allowed: m.hr_exemption_use_not_allowed,
	not_in_policy: m.hr_exemption_use_not_in_policy,
	not_needed: m.hr_exemption_use_not_needed
});
/** The notice after a case action (`?done=`). */
export const caseDoneLabel = /* @__PURE__ */ labeller({
	appointed: m.hr_done_appointed,
	assigned: m.hr_done_assigned,
	closed: m.hr_done_closed,
	exempted: m.hr_done_exempted,
	exemption_removed: m.hr_done_exemption_removed,
	lapse_reviewed: m.hr_done_lapse_reviewed,
	opened: m.hr_done_opened
});

/**
 * A voided attempt's effect under the promotion policy, with its months when it bars retakes for a
 * while: “counts as a fail, … (1 month)”. `text` is the effect's label in the reader's language.
 */
export const voidEffectText = (text: string, months: number | undefined) =>
	months
		? byCount(months, m.hr_policy_void_months_one, m.hr_policy_void_months, { text, months })
		: text;

// HR's states with the tone a `StateLabel` shows them in: the oath register, a person's record and
// its .xlsx export say them alike.

export type Tone = 'ok' | 'bad' | 'warn' | 'neutral';

/** An appointment's oath state: due with its deadline, overdue, sworn on a day, or not required. */
export const oathStateText = (s: OathStatus) =>
	s.state === 'overdue'
		? byCount(-s.daysLeft, m.hr_oath_overdue_one, m.hr_oath_overdue, {
				deadline: s.deadline,
				days: -s.daysLeft
			})
		: s.state === 'due'
			? byCount(s.daysLeft, m.hr_oath_due_one, m.hr_oath_due, {
					deadline: s.deadline,
					days: s.daysLeft
				})
			: s.state === 'done'
				? m.hr_oath_done({ date: s.takenOn })
				: m.hr_oath_not_required();

export const oathStateTone = (s: OathStatus): Tone =>
	s.state === 'overdue'
		? 'bad'
		: s.state === 'due'
			? 'warn'
			: s.state === 'done'
				? 'ok'
				: 'neutral';

/** The gate's last outcome: may be appointed, may not, or never checked. */
export const gateText = (allowed: boolean | null) =>
	allowed === null ? '—' : allowed ? m.hr_gate_allowed() : m.hr_gate_blocked();

const CERTIFICATE_TONES: Record<string, Tone> = {
	valid: 'ok',
	expiring_soon: 'warn',
	review_overdue: 'warn',
	suspended: 'bad',
	expired: 'bad',
	revoked: 'bad',
	not_yet_valid: 'neutral'
};

/** A certificate state's tone (its words are `cert_state_<state>`). */
export const certificateTone = (state: string): Tone => CERTIFICATE_TONES[state] ?? 'neutral';

/** What happened to the pass a case relied on, in one sentence (`at` already formatted). */
export const lapseText = (
	l: {
		change: 'voided' | 'failed' | 'pending' | 'superseded';
		attemptId: number;
		takenOn: string;
		scoreBefore: number | null;
		scoreNow: number | null;
		supersededBy: number | null;
	},
	at: string
) => {
	const base = { takenOn: l.takenOn, attempt: l.attemptId, at };
	const scores = { before: l.scoreBefore ?? '—', now: l.scoreNow ?? '—' };
	if (l.change === 'voided') return m.hr_lapse_voided(base);
	if (l.change === 'pending') return m.hr_lapse_pending(base);
	if (l.change === 'superseded')
		return m.hr_lapse_superseded({ ...base, ...scores, other: l.supersededBy ?? '—' });
	return byCount(l.scoreBefore ?? 0, m.hr_lapse_failed_one, m.hr_lapse_failed, {
		...base,
		...scores
	});
};
