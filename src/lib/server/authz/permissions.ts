import type { Role } from '../db/schema/index.ts';

/**
 * Which roles carry which permission. A permission is always exercised *on a unit*: the grant of
 * the role must be on that unit or an ancestor of it.
 */
export const PERMISSIONS = {
	'unit.read': ['admin', 'organiser', 'hr'],
	'unit.manage': ['admin'],
	'person.read': ['admin', 'organiser', 'hr'],
	'person.manage': ['admin', 'hr'],
	/**
	 * Opening an account for a person (first one-time password): HR registers the cadres of its
	 * units and opens their accounts, on the person page and through the roster alike.
	 */
	'account.open': ['admin', 'hr'],
	/** Everything else done to an existing account (login name, password reset, disabling). */
	'account.manage': ['admin'],
	'role.grant': ['admin'],
	'roster.import': ['admin', 'hr'],
	'roster.export': ['admin', 'hr', 'organiser'],
	'audit.read': ['admin'],
	/** Tokens other systems read `/api/v1` with, each limited to units within the admin's own. */
	'api_token.manage': ['admin'],
	/**
	 * The statute library serves the whole installation: only a grant on a top-level unit may
	 * import statutes or change which version is current (see INSTALLATION_WIDE).
	 */
	'law.manage': ['organiser', 'admin'],
	'bank.manage': ['organiser'],
	/** Practising is for everyone who studies: every account holds `cadre` on its own unit. */
	'practice.use': ['cadre'],
	/** Study teams, plans, schedules, sessions and their attendance. */
	'study.manage': ['organiser'],
	/** Reading them (and a unit's calendar feed): HR and administrators follow the programme too. */
	'study.read': ['organiser', 'hr', 'admin'],
	/** One's own sessions: the calendar, check-in, a personal calendar feed. */
	'study.attend': ['cadre'],
	/** The working-day calendar (official holiday arrangements) serves every unit. */
	'calendar.manage': ['admin'],
	/** Exams, their sittings and rosters, results (an organiser of the exam's unit or above). */
	'exam.manage': ['organiser'],
	/** Marking essays and case answers, regrading and releasing results of the unit's exams. */
	'exam.grade': ['grader', 'organiser'],
	/** Sitting an exam: the roster decides which sittings; every account holds `cadre`. */
	'exam.take': ['cadre'],
	/** Promotion cases, their gate and the oath register of the units' people (read). */
	'promotion.read': ['hr', 'admin'],
	/** Opening cases, putting candidates on sittings, recording appointments and exemptions. */
	'promotion.manage': ['hr'],
	/** Recording oath ceremonies for the units' appointees. */
	'oath.manage': ['hr'],
	/** The gate and oath policy settings serve the whole installation (see INSTALLATION_WIDE). */
	'policy.manage': ['hr', 'admin'],
	/** The enforcement certificates' settings (validity, reviews, parts) serve the whole installation. */
	'certificate.policy': ['organiser', 'admin'],
	/**
	 * The oversight dashboards and the year-end assessment of the units in scope. Leaders read them
	 * through the organiser role at district level (the justice bureau prepares them for the leaders).
	 */
	'oversight.read': ['organiser', 'admin'],
	/** The assessment's indicator weights and its share in the year-end score (see INSTALLATION_WIDE). */
	'assessment.manage': ['admin']
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * Permissions over things every unit shares. A grant on a sub-unit does not carry them, however
 * its role reads: an organiser of one street must not rewrite the district's statutes.
 */
export const INSTALLATION_WIDE: ReadonlySet<Permission> = new Set<Permission>([
	'law.manage',
	'calendar.manage',
	'policy.manage',
	'certificate.policy',
	'assessment.manage'
]);

export function rolesFor(permission: Permission): readonly Role[] {
	return PERMISSIONS[permission];
}
