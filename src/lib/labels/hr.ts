import { m } from '$lib/i18n.ts';
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
	other_case: m.hr_use_other_case
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
	opened: m.hr_done_opened
});
