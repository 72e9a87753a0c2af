import { m } from '$lib/i18n.ts';
import type { AttemptState, CertificateState } from '@xuefa/core';
import type {
	CertificateEventKind,
	ExamKind,
	MultiplePolicy,
	PaperKind
} from '$lib/schemas/exam-enums.ts';
import { labeller } from './labeller.ts';

/** 任前 / 执法资格 / 年度: an exam's kind. */
export const examKindLabel = /* @__PURE__ */ labeller<ExamKind>({
	annual: m.exam_kind_annual,
	enforcement: m.exam_kind_enforcement,
	pre_appointment: m.exam_kind_pre_appointment
});
/** Draft or published. */
export const examStatusLabel = /* @__PURE__ */ labeller({
	draft: m.exam_status_draft,
	published: m.exam_status_published
});
/** A pass band (优秀, 良好, 合格, 不合格). */
export const examBandLabel = /* @__PURE__ */ labeller({
	excellent: m.exam_band_excellent,
	fail: m.exam_band_fail,
	good: m.exam_band_good,
	pass: m.exam_band_pass
});
/**
 * Pass or fail, with the band when it says more (合格 · 优秀): the bands 合格 and 不合格 only
 * repeat the outcome (不合格 · 不合格), so they are left out when they agree with it.
 */
export function examOutcomeLabel(passed: boolean, band: string | null | undefined): string {
	const outcome = passed ? m.exam_passed() : m.exam_failed();
	return band && band !== (passed ? 'pass' : 'fail')
		? `${outcome} · ${examBandLabel(band)}`
		: outcome;
}
/** How a paper is made: drawn by a blueprint, or fixed. */
export const examPaperLabel = /* @__PURE__ */ labeller<PaperKind>({
	blueprint: m.exam_paper_blueprint,
	fixed: m.exam_paper_fixed
});
/** Where an attempt stands. */
export const attemptStateLabel = /* @__PURE__ */ labeller<AttemptState>({
	graded: m.attempt_state_graded,
	in_progress: m.attempt_state_in_progress,
	needs_grading: m.attempt_state_needs_grading,
	not_started: m.attempt_state_not_started,
	submitted: m.attempt_state_submitted,
	voided: m.attempt_state_voided
});
/** A certificate's state on a day. */
export const certificateStateLabel = /* @__PURE__ */ labeller<CertificateState>({
	expired: m.cert_state_expired,
	expiring_soon: m.cert_state_expiring_soon,
	not_yet_valid: m.cert_state_not_yet_valid,
	review_overdue: m.cert_state_review_overdue,
	revoked: m.cert_state_revoked,
	suspended: m.cert_state_suspended,
	valid: m.cert_state_valid
});
/**
 * Why a certificate was revoked or suspended: the reasons the app records by itself (a pass
 * outranked by a later attempt of its sitting, or regraded to a fail; kept withdrawn beside a later
 * certificate in force) in words; a person's own words (a void for cheating, an organiser's 吊销)
 * as they wrote them.
 */
export const certificateReasonLabel = /* @__PURE__ */ labeller({
	regraded: m.cert_reason_regraded,
	replaced: m.cert_reason_replaced,
	superseded: m.cert_reason_superseded
});
/** What an organiser records on a certificate (the verb). */
export const certificateEventLabel = /* @__PURE__ */ labeller<CertificateEventKind>({
	reinstated: m.cert_event_reinstated,
	reviewed: m.cert_event_reviewed,
	revoked: m.cert_event_revoked,
	suspended: m.cert_event_suspended
});
/** What happened to a certificate (its history). */
export const certificateHistoryLabel = /* @__PURE__ */ labeller<CertificateEventKind>({
	reinstated: m.cert_history_reinstated,
	reviewed: m.cert_history_reviewed,
	revoked: m.cert_history_revoked,
	suspended: m.cert_history_suspended
});
/** The part of the enforcement qualification an exam covers. */
export const certificatePartLabel = /* @__PURE__ */ labeller({
	both: m.exam_certificate_part_both,
	general: m.exam_certificate_part_general,
	special: m.exam_certificate_part_special
});
/** Why /verify found nothing (the reason code, dots as underscores). */
export const verifyReasonLabel = /* @__PURE__ */ labeller({
	code_character: m.verify_code_character,
	code_check: m.verify_code_check,
	code_length: m.verify_code_length,
	not_found: m.verify_not_found
});
/** Which attempt counts when several were made. */
export const retakeCountsLabel = /* @__PURE__ */ labeller({
	highest: m.exam_counts_highest,
	last: m.exam_counts_last
});
/** How a multiple-choice answer with some right options is marked. */
export const multiplePolicyLabel = /* @__PURE__ */ labeller<MultiplePolicy>({
	all_or_nothing: m.exam_multiple_all_or_nothing,
	partial_half: m.exam_multiple_partial_half,
	proportional: m.exam_multiple_proportional
});
/** When a candidate sees the score, the answers or the explanations. */
export const reviewWhenLabel = /* @__PURE__ */ labeller({
	after_submit: m.exam_review_when_after_submit,
	after_close: m.exam_review_when_after_close,
	after_release: m.exam_review_when_after_release,
	never: m.exam_review_when_never
});
