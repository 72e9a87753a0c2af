/**
 * Study credits (学法学时): hours earned from attended sessions, written-study sign-offs and practice,
 * against an annual requirement. All numbers are policy settings.
 */
import type { IsoDate } from '../calendar/dates.ts';
import { countsAsHeld, type StudySession } from './figures.ts';
import { DEFAULT_STUDY_POLICY, type StudyForm, type StudyPolicy } from './plan.ts';

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
 * A person's study credits for a year, in hours. A session's hours count only when it counts as
 * held ({@link countsAsHeld}): a lecture or collective session shorter than the study policy's
 * minimum (30 minutes by default) earns no hours, as it earns no credits in {@link annualCredits}.
 *
 * @param input - sessions, sign-offs and practice of the person
 * @param policy - credit settings
 * @param study - study settings (the minimum length of a lecture or collective session)
 * @returns the hours per source, the total and the shortfall
 * @example
 * studyCredits({ personId: 'p1', year: 2025, sessions, writtenSignOffs: [], practice: [] }).met;
 */
export function studyCredits(
	input: CreditInput,
	policy: CreditPolicy = DEFAULT_CREDIT_POLICY,
	study: StudyPolicy = DEFAULT_STUDY_POLICY
): CreditSummary {
	const inYear = (d: IsoDate) => d.startsWith(`${input.year}-`);
	let sessionMinutes = 0;
	for (const s of input.sessions) {
		if (!countsAsHeld(s, study) || !inYear(s.date)) continue;
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

/**
 * Credits (学分) as a district counts them: a number per attended session by its form, per
 * written-study sign-off and per so many practice answers, against an annual requirement. Unlike
 * {@link CreditPolicy} (hours), a session earns the same whatever its length.
 */
export interface AnnualCreditPolicy {
	/** Credits for attending one session that counts as held (`countsAsHeld`), by its form. */
	perSessionByForm: Record<StudyForm, number>;
	/** Fraction of a session's credits earned by a late arrival (leave and absent earn 0). */
	lateFactor: number;
	/** Credits per written-study material signed off (签阅). */
	perSignOff: number;
	/** How many practice answers earn one credit (0: practice earns none). */
	practiceAnswersPerCredit: number;
	/** Most credits practice may earn in a year. */
	practiceCap: number;
	/** Credits required per year. */
	annualRequired: number;
}

/** The default {@link AnnualCreditPolicy}: local choices, each a setting. */
export const DEFAULT_ANNUAL_CREDIT_POLICY: AnnualCreditPolicy = {
	perSessionByForm: { written: 1, collective: 2, lecture: 2, case: 2, trial: 3 },
	lateFactor: 0.5,
	perSignOff: 1,
	practiceAnswersPerCredit: 50,
	practiceCap: 10,
	annualRequired: 24
};

/** What one person did, on local (Asia/Shanghai) dates; entries outside the year are ignored. */
export interface AnnualCreditInput {
	/** The calendar year counted. */
	year: number;
	/**
	 * Sessions the person attended (present or late), held on `date`, with their length in minutes
	 * (the actual one when recorded): a lecture or collective one under the minimum earns nothing.
	 */
	attended: readonly {
		date: IsoDate;
		form: StudyForm;
		durationMinutes: number;
		status: 'present' | 'late';
	}[];
	/** Dates of the person's sign-offs, one per material. */
	signOffs: readonly IsoDate[];
	/** Practice answers given, counted per day. */
	practiceAnswers: readonly { date: IsoDate; count: number }[];
}

/** A person's credits for a year, by source. */
export interface AnnualCredits {
	/** From attended sessions. */
	sessions: number;
	/** From sign-offs. */
	signOffs: number;
	/** From practice (whole credits only, after the cap). */
	practice: number;
	/** Practice answers counted in the year. */
	practiceAnswers: number;
	/** Sum, rounded to 2 decimals. */
	total: number;
	/** The requirement. */
	required: number;
	/** Share of the requirement earned, 0–1 (1 when nothing is required). */
	progress: number;
	/** Whether the requirement is met. */
	met: boolean;
	/** Credits still missing (0 when met). */
	shortfall: number;
	/**
	 * Sessions attended in the year that earned nothing because they do not count as held (a
	 * lecture or collective session under the minimum length): shown so that the person learns why.
	 */
	shortSessions: number;
}

/**
 * A person's credits for a calendar year under a credit policy. A session earns its form's credits
 * only when it counts as held ({@link countsAsHeld}): a lecture or collective session shorter than
 * the study policy's minimum earns none, though the attendance stands.
 *
 * @param input - the person's attended sessions, sign-offs and practice answers
 * @param policy - credits per source and the requirement
 * @param study - study settings (the minimum length of a lecture or collective session)
 * @returns the credits per source, the total, progress and shortfall
 * @example
 * annualCredits({ year: 2026, attended: [{ date: '2026-03-02', form: 'lecture',
 *   durationMinutes: 30, status: 'present' }], signOffs: [], practiceAnswers: [] }).sessions; // → 2
 */
export function annualCredits(
	input: AnnualCreditInput,
	policy: AnnualCreditPolicy = DEFAULT_ANNUAL_CREDIT_POLICY,
	study: StudyPolicy = DEFAULT_STUDY_POLICY
): AnnualCredits {
	const inYear = (d: IsoDate) => d.startsWith(`${input.year}-`);
	let sessions = 0;
	let shortSessions = 0;
	for (const a of input.attended) {
		if (!inYear(a.date)) continue;
		if (!countsAsHeld({ ...a, status: 'held' }, study)) {
			shortSessions++;
			continue;
		}
		const full = policy.perSessionByForm[a.form] ?? 0;
		sessions += a.status === 'late' ? full * policy.lateFactor : full;
	}
	const signOffs = input.signOffs.filter(inYear).length * policy.perSignOff;
	const practiceAnswers = input.practiceAnswers
		.filter((p) => inYear(p.date))
		.reduce((t, p) => t + Math.max(0, p.count), 0);
	const practice =
		policy.practiceAnswersPerCredit > 0
			? Math.min(policy.practiceCap, Math.floor(practiceAnswers / policy.practiceAnswersPerCredit))
			: 0;
	const total = round2(sessions + signOffs + practice);
	const required = policy.annualRequired;
	return {
		sessions: round2(sessions),
		signOffs: round2(signOffs),
		practice,
		practiceAnswers,
		total,
		required,
		progress: required > 0 ? Math.min(1, total / required) : 1,
		met: total >= required,
		shortfall: round2(Math.max(0, required - total)),
		shortSessions
	};
}
