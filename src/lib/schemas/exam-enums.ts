export { ATTEMPT_STATES, type AttemptState } from '@xuefa/core';

/** 任前法律知识考试, 执法资格考试, 年度学法考试. */
export const EXAM_KINDS = ['pre_appointment', 'enforcement', 'annual'] as const;
export type ExamKind = (typeof EXAM_KINDS)[number];

/** A draft is edited; a published exam is frozen and may have sittings. */
export const EXAM_STATUSES = ['draft', 'published'] as const;

/** Drawn per candidate from a blueprint, or the same fixed questions for everyone. */
export const PAPER_KINDS = ['blueprint', 'fixed'] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];

/** Which attempt counts: the highest score, or the last. */
export const RETAKE_COUNTS = ['highest', 'last'] as const;

/**
 * When a candidate may see the score, the right answers, the explanations: on submitting, once the
 * sitting has closed, once its results are released, or never.
 */
export const REVIEW_WHEN = ['after_submit', 'after_close', 'after_release', 'never'] as const;

/** The multiple-choice grading policies an organiser chooses from. */
export const MULTIPLE_POLICIES = ['all_or_nothing', 'partial_half', 'proportional'] as const;
export type MultiplePolicy = (typeof MULTIPLE_POLICIES)[number];

/** How a candidate left the exam page: the tab hidden (visibilitychange) or the window blurred. */
export const FOCUS_EVENT_KINDS = ['hidden', 'blur'] as const;
export type FocusEventKind = (typeof FOCUS_EVENT_KINDS)[number];

/** What may happen to a certificate after it was granted (see the core's `CertificateEvent`). */
export const CERTIFICATE_EVENT_KINDS = ['suspended', 'reinstated', 'revoked', 'reviewed'] as const;
export type CertificateEventKind = (typeof CERTIFICATE_EVENT_KINDS)[number];

/** The part of the enforcement qualification an exam covers: 通用法律知识, 专门法律知识. */
export const CERTIFICATE_PARTS = ['general', 'special'] as const;
export type CertificatePart = (typeof CERTIFICATE_PARTS)[number];

/** What the certificate list can be narrowed to: in force (valid, expiring soon included) … */
export const CERTIFICATE_FILTERS = [
	'all',
	'in_force',
	'expiring_soon',
	'expired',
	'revoked'
] as const;
export type CertificateFilter = (typeof CERTIFICATE_FILTERS)[number];
