/**
 * Words for HR's states, in the reader's language, with the tone a `StateLabel` shows them in: the
 * oath register, a person's record and its .xlsx export say them alike.
 */
import type { OathStatus } from '@xuefa/core';
import { m } from '../i18n.ts';

export type Tone = 'ok' | 'bad' | 'warn' | 'neutral';

/** An appointment's oath state: due with its deadline, overdue, sworn on a day, or not required. */
export const oathStateText = (s: OathStatus) =>
	s.state === 'overdue'
		? m.hr_oath_overdue({ deadline: s.deadline, days: -s.daysLeft })
		: s.state === 'due'
			? m.hr_oath_due({ deadline: s.deadline, days: s.daysLeft })
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
