import { z } from 'zod';
import { id, text, wholeNumber } from './common.ts';
import { FOCUS_EVENT_KINDS } from './exam-enums.ts';

/** Void a candidate's attempt (cheating), with the reason that goes into the audit log. */
export const voidAttemptInput = z.object({
	sittingId: id,
	attemptId: id,
	reason: text(500)
});
export type VoidAttemptInput = z.infer<typeof voidAttemptInput>;

/** Give one candidate more time, with a reason. */
export const extendAttemptInput = z.object({
	sittingId: id,
	attemptId: id,
	minutes: wholeNumber(1, 240, 'err_exam_number_range'),
	reason: text(500)
});
export type ExtendAttemptInput = z.infer<typeof extendAttemptInput>;

/**
 * Let a candidate of a one-device sitting go on on another device (their phone broke), with a
 * reason: the next device that opens the attempt becomes its device.
 */
export const releaseDeviceInput = z.object({
	sittingId: id,
	attemptId: id,
	reason: text(500)
});
export type ReleaseDeviceInput = z.infer<typeof releaseDeviceInput>;

/** The exam page reports that the candidate left it. */
export const focusEventInput = z.object({
	attemptId: id,
	kind: z.enum(FOCUS_EVENT_KINDS)
});
export type FocusEventInput = z.infer<typeof focusEventInput>;

/** What the exam page learns after reporting a focus loss, or when it asks for its deadline. */
export type AttemptStatus =
	| { kind: 'open'; deadline: number; now: number; focusLosses: number; focusLimit: number | null }
	| { kind: 'closed'; state: string; focusLimitReached: boolean };
