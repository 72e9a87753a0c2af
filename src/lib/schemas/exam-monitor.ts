import { z } from 'zod';
import { id, searchQuery, text, wholeNumber } from './common.ts';
import { FOCUS_EVENT_KINDS } from './exam-enums.ts';
import { SEARCH_MAX } from './limits.ts';

/**
 * Which candidates the monitor lists: everyone, those in one state, or those who left the exam
 * page (`flagged`: their latest attempt recorded a focus loss).
 */
export const MONITOR_SHOWS = [
	'all',
	'not_started',
	'in_progress',
	'submitted',
	'voided',
	'flagged'
] as const;
export type MonitorShow = (typeof MONITOR_SHOWS)[number];

/**
 * The monitor's list as the address asks for it: a state, words matched in the name, employee
 * number or unit, and a page. Anything unreadable falls back to everyone, page 1: the address is
 * typed and bookmarked by hand.
 */
export const monitorQuery = z.object({
	show: z.enum(MONITOR_SHOWS).catch('all'),
	q: searchQuery(SEARCH_MAX.people),
	page: z.coerce.number().int().min(1).max(100_000).catch(1)
});
export type MonitorQuery = z.infer<typeof monitorQuery>;

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
