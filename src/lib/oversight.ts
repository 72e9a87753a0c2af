/**
 * The oversight figures as pages show them (client-safe): the counts' shape, the figures made of
 * them, and a ratio as a percentage. What each count means is defined once, in the server's
 * services/oversight/counts.ts.
 */
import type { AssessmentIndicator } from '@xuefa/core';
import { m } from '$lib/i18n.ts';
import { labeller } from '$lib/labels/labeller.ts';
import type { ExamKind } from '$lib/schemas/exam-enums.ts';

/** Everything counted for one unit (its own records, or a subtree once rolled up). */
export interface UnitCounts {
	planItems: { planned: number; held: number };
	/** `held`: those that count as held; `short`: held, but the talk ran under the minimum. */
	sessions: { scheduled: number; held: number; short: number };
	attendance: { expected: number; attended: number };
	readings: { expected: number; signed: number };
	practice: { answers: number; people: number };
	exams: Record<ExamKind, { required: number; sat: number; passed: number }>;
	certificates: {
		inForce: number;
		expiringSoon: number;
		expired: number;
		holders: number;
		holdersInForce: number;
	};
	oaths: { required: number; done: number; due: number; overdue: number };
	cases: { open: number; blocked: number };
}

/** `num / den` as a whole percentage, or null when nothing was due. */
export function percent(num: number, den: number): number | null {
	return den > 0 ? Math.round((num / den) * 1000) / 10 : null;
}

/** A percentage for reading: `66.7%`, or an em dash when it does not apply. */
export const percentText = (v: number | null) => (v === null ? '—' : `${v}%`);

/** The three exam kinds' counts added up. */
export function allExams(c: UnitCounts) {
	return Object.values(c.exams).reduce(
		(s, e) => ({
			required: s.required + e.required,
			sat: s.sat + e.sat,
			passed: s.passed + e.passed
		}),
		{ required: 0, sat: 0, passed: 0 }
	);
}

/** Where the list behind a figure is; which of them the viewer may open is decided by the server. */
export type FigureLink =
	| 'plans'
	| 'calendar'
	| 'readings'
	| 'exams'
	| 'certInForce'
	| 'certExpiring'
	| 'certExpired'
	| 'oaths'
	| 'cases';

/** One figure: done of due (with its rate) or a plain number, and the list behind it. */
export interface Figure {
	/** The figure's name, in the reader's language. */
	label: string;
	value: number;
	of?: number;
	link?: FigureLink;
}

/** The dashboard's figures for a unit's counts, in the order the issue lists them. */
export function figuresOf(c: UnitCounts): Figure[] {
	const exams = allExams(c);
	return [
		{
			label: m.oversight_fig_plan(),
			value: c.planItems.held,
			of: c.planItems.planned,
			link: 'plans'
		},
		{
			label: m.oversight_fig_sessions(),
			value: c.sessions.held,
			of: c.sessions.scheduled,
			link: 'calendar'
		},
		{ label: m.oversight_fig_sessions_short(), value: c.sessions.short, link: 'calendar' },
		{
			label: m.oversight_fig_attendance(),
			value: c.attendance.attended,
			of: c.attendance.expected,
			link: 'calendar'
		},
		{
			label: m.oversight_fig_readings(),
			value: c.readings.signed,
			of: c.readings.expected,
			link: 'readings'
		},
		{ label: m.oversight_fig_practice(), value: c.practice.answers },
		{ label: m.oversight_fig_practice_people(), value: c.practice.people },
		{ label: m.oversight_fig_participation(), value: exams.sat, of: exams.required, link: 'exams' },
		{ label: m.oversight_fig_pass(), value: exams.passed, of: exams.sat, link: 'exams' },
		{ label: m.oversight_fig_cert_valid(), value: c.certificates.inForce, link: 'certInForce' },
		{
			label: m.oversight_fig_cert_expiring(),
			value: c.certificates.expiringSoon,
			link: 'certExpiring'
		},
		{ label: m.oversight_fig_cert_expired(), value: c.certificates.expired, link: 'certExpired' },
		{ label: m.oversight_fig_oath_done(), value: c.oaths.done, link: 'oaths' },
		{ label: m.oversight_fig_oath_due(), value: c.oaths.due, link: 'oaths' },
		{ label: m.oversight_fig_oath_overdue(), value: c.oaths.overdue, link: 'oaths' },
		{
			label: m.oversight_fig_cases_blocked(),
			value: c.cases.blocked,
			of: c.cases.open,
			link: 'cases'
		}
	];
}

/** What the dashboard pages receive from the server. */
export interface DashboardData {
	root: { id: number; name: string } | null;
	groups: { id: number; name: string; own: boolean; hasChildren: boolean; counts: UnitCounts }[];
	totals: UnitCounts;
	asOf: string;
	computedAt: Date;
	locale: string;
	trend: {
		month: string;
		scheduled: number;
		held: number;
		expected: number;
		attended: number;
		answers: number;
	}[];
	year: number;
	years: number[];
	/** Shown last year without asking, early in the year (the year-end assessment). */
	closing: boolean;
	up: string | null;
	links: Record<FigureLink, string | null>;
}

/** An assessment indicator's name. */
export const indicatorLabel = /* @__PURE__ */ labeller<AssessmentIndicator>({
	attendance: m.oversight_ind_attendance,
	certificatesValid: m.oversight_ind_certificatesValid,
	examParticipation: m.oversight_ind_examParticipation,
	examPassRate: m.oversight_ind_examPassRate,
	oathCoverage: m.oversight_ind_oathCoverage,
	planKept: m.oversight_ind_planKept,
	sessionsHeld: m.oversight_ind_sessionsHeld
});
