// The HR enums live here (not with the drizzle schema) so that forms, client code, can use them.
export { APPOINTING_BODIES, COUNT_FROM_POINTS, VOIDED_ATTEMPT_EFFECTS } from '@xuefa/core';

/**
 * Where a promotion case stands: open (the gate decides whether it may reach appointment), or closed
 * as appointed, withdrawn or postponed (each of the last two with its reason).
 */
export const CASE_STATES = ['open', 'appointed', 'withdrawn', 'postponed'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** Why a gate check ran: a page showed it, or an appointment was about to be recorded. */
export const GATE_PURPOSES = ['view', 'appointment'] as const;

export const OATH_FORMS = ['individual', 'collective'] as const;
