import { z } from 'zod';
import { isIsoDate } from '@xuefa/core';
import { APPOINTING_BODIES, OATH_FORMS } from './hr-enums.ts';
import { checkbox, id, optionalDate, optionalId, optionalText, required, text } from './common.ts';

const date = z.string(required).trim().min(1, required).refine(isIsoDate, { error: 'err_date' });
const employeeNo = text(40);

/** 拟任: a case opened for a candidate named by employee number. */
export const caseInput = z.object({
	employeeNo,
	proposedPost: text(100),
	leadingPost: checkbox,
	// the route (人大任命 or not) follows from the appointing body: not asked, so never contradicts it
	appointingBody: z.enum(APPOINTING_BODIES, { error: 'err_invalid' }),
	nominatedOn: optionalDate,
	publicNoticeOn: optionalDate,
	publicNoticeEndsOn: optionalDate,
	plannedOn: optionalDate
});
export type CaseInput = z.infer<typeof caseInput>;

/** Putting the candidate on a pre-appointment sitting from the case. */
export const assignSittingInput = z.object({ caseId: id, sittingId: id });
export type AssignSittingInput = z.infer<typeof assignSittingInput>;

/**
 * Recording the appointment of a case (refused while the gate says no). It cannot be undone: once
 * the gate allows it, it is asked for, then confirmed (`confirmed=yes`).
 */
export const appointInput = z.object({
	caseId: id,
	appointedOn: date,
	confirmed: z.string().optional()
});
export type AppointInput = z.infer<typeof appointInput>;

/**
 * Closing a case without an appointment: withdrawn or postponed, with the reason. Withdrawing ends
 * the case for good (no appointment, no taking it up again): it is asked for, then confirmed.
 */
export const closeCaseInput = z
	.object({
		caseId: id,
		state: z.enum(['withdrawn', 'postponed'], { error: 'err_invalid' }),
		reason: text(500),
		confirmed: z.string().optional()
	})
	.refine((v) => v.state !== 'withdrawn' || v.confirmed === 'yes', {
		path: ['confirmed'],
		error: 'err_confirm_first'
	});
export type CloseCaseInput = z.infer<typeof closeCaseInput>;

/**
 * HR's review of an appointment whose exam evidence lapsed: the conclusion or the action taken, for
 * the change the page showed (`lapsedAt`, ms). It cannot be taken back: asked for, then confirmed.
 */
export const lapseReviewInput = z
	.object({
		caseId: id,
		lapsedAt: id,
		note: text(500),
		confirmed: z.string().optional()
	})
	.refine((v) => v.confirmed === 'yes', { path: ['confirmed'], error: 'err_confirm_first' });
export type LapseReviewInput = z.infer<typeof lapseReviewInput>;

/** An exemption claim with its document. */
export const exemptionInput = z.object({
	caseId: id,
	kind: z.string(required).trim().min(1, required).max(60),
	documentName: text(100),
	documentNumber: optionalText(60),
	documentDate: date
});
export type ExemptionInput = z.infer<typeof exemptionInput>;

/** Removing an exemption claim recorded in error. */
export const removeExemptionInput = z.object({ caseId: id, claimId: id });
export type RemoveExemptionInput = z.infer<typeof removeExemptionInput>;

/** Lines of a textarea, blank ones dropped. */
const lines = (max: number) =>
	optionalText(max).transform((v) =>
		v
			.split('\n')
			.map((l) => l.trim())
			.filter(Boolean)
	);

/**
 * An oath ceremony: who swore (the appointments ticked), the leader among them for a collective
 * oath, the presider and witness by employee number, the flag or emblem and the anthem, the text.
 */
export const ceremonyInput = z.object({
	form: z.enum(OATH_FORMS, { error: 'err_invalid' }),
	date,
	place: text(100),
	organiser: text(100),
	presiderNo: employeeNo,
	witnessNo: optionalText(40),
	leaderAppointmentId: optionalId,
	appointmentIds: z.preprocess(
		(v) => (v === undefined ? [] : [v].flat()),
		z.array(id).min(1, { error: 'err_hr_oath_nobody' }).max(200)
	),
	flagOrEmblemDisplayed: checkbox,
	anthemPlayed: checkbox,
	textVersion: text(10),
	evidence: lines(2000),
	notes: optionalText(2000)
});
export type CeremonyInput = z.infer<typeof ceremonyInput>;

/** Removing a ceremony recorded in error (wrong people, a date still to come), with the reason. */
export const removeCeremonyInput = z.object({ ceremonyId: id, reason: text(500) });
export type RemoveCeremonyInput = z.infer<typeof removeCeremonyInput>;
