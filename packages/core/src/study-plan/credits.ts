/**
 * Study credits (学法学时): hours earned from attended sessions, written-study sign-offs and practice,
 * against an annual requirement. All numbers are policy settings.
 */
import type { IsoDate } from '../calendar/dates.ts';
import type { StudySession } from './figures.ts';

/** How credits are earned and how many a year requires. */
export interface CreditPolicy {
	/** Hours required per year (default 60, the example for enforcement staff). */
	annualRequiredHours: number;
	/** Fraction of a session's length credited to a late arrival (default 1; leave and absent earn 0). */
	lateFactor: number;
	/** Hours credited per written-study sign-off (default 1). */
	writtenSignOffHours: number;
	/** Hours credited per hour of practice (default 0.5). */
	practiceFactor: number;
	/** Most practice hours counted in a year (default 20). */
	practiceCapHours: number;
}

/** The default {@link CreditPolicy}. */
export const DEFAULT_CREDIT_POLICY: CreditPolicy = {
	annualRequiredHours: 60,
	lateFactor: 1,
	writtenSignOffHours: 1,
	practiceFactor: 0.5,
	practiceCapHours: 20
};

/** What one person did in a year. */
export interface CreditInput {
	/** The person. */
	personId: string;
	/** The year. */
	year: number;
	/** Sessions (their attendance lists are searched for the person). */
	sessions: readonly StudySession[];
	/** Written-study items signed off (书面学法 read and signed). */
	writtenSignOffs: readonly { itemId: string; date: IsoDate }[];
	/** Practice time, e.g. from the practice module. */
	practice: readonly { date: IsoDate; minutes: number }[];
}

/** A person's credits for a year. */
export interface CreditSummary {
	/** Hours from attended sessions. */
	sessionHours: number;
	/** Hours from written sign-offs. */
	writtenHours: number;
	/** Hours from practice (after factor and cap). */
	practiceHours: number;
	/** Sum, rounded to 2 decimals. */
	totalHours: number;
	/** The requirement. */
	requiredHours: number;
	/** Whether the requirement is met. */
	met: boolean;
	/** Hours still missing (0 when met). */
	shortfallHours: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * A person's study credits for a year.
 *
 * @param input - sessions, sign-offs and practice of the person
 * @param policy - credit settings
 * @returns the hours per source, the total and the shortfall
 * @example
 * studyCredits({ personId: 'p1', year: 2025, sessions, writtenSignOffs: [], practice: [] }).met;
 */
export function studyCredits(
	input: CreditInput,
	policy: CreditPolicy = DEFAULT_CREDIT_POLICY
): CreditSummary {
	const inYear = (d: IsoDate) => d.startsWith(`${input.year}-`);
	let sessionMinutes = 0;
	for (const s of input.sessions) {
		if (s.status !== 'held' || !inYear(s.date)) continue;
		const a = s.attendance.find((x) => x.personId === input.personId);
		if (a?.status === 'present') sessionMinutes += s.durationMinutes;
		else if (a?.status === 'late') sessionMinutes += s.durationMinutes * policy.lateFactor;
	}
	const signed = new Set(input.writtenSignOffs.filter((w) => inYear(w.date)).map((w) => w.itemId));
	const practiceMinutes = input.practice
		.filter((p) => inYear(p.date))
		.reduce((t, p) => t + Math.max(0, p.minutes), 0);
	const sessionHours = round2(sessionMinutes / 60);
	const writtenHours = round2(signed.size * policy.writtenSignOffHours);
	const practiceHours = round2(
		Math.min(policy.practiceCapHours, (practiceMinutes / 60) * policy.practiceFactor)
	);
	const totalHours = round2(sessionHours + writtenHours + practiceHours);
	return {
		sessionHours,
		writtenHours,
		practiceHours,
		totalHours,
		requiredHours: policy.annualRequiredHours,
		met: totalHours >= policy.annualRequiredHours,
		shortfallHours: round2(Math.max(0, policy.annualRequiredHours - totalHours))
	};
}
