import { t } from '$lib/i18n.ts';
import type { SessionUser } from '../auth/session-user.ts';
import { type Permission, canAnywhere } from '../authz/index.ts';

export interface NavItem {
	href: string;
	/** The entry's name in the reader's language. */
	label: string;
}

interface NavSpec extends NavItem {
	/** A message key (turned into words here: see labels/labeller.ts for why not in the browser). */
	label: string;
	/** Shown when the user has this permission (or one of these) somewhere; none means everyone. */
	permission?: Permission | Permission[];
}

// Ordered as a person uses them; later features add their entries here.
const NAV: NavSpec[] = [
	{ href: '/', label: 'nav_home' },
	{ href: '/practice', label: 'nav_practice', permission: 'practice.use' },
	{ href: '/study', label: 'nav_study', permission: ['study.attend', 'study.read'] },
	{ href: '/exams', label: 'nav_exams', permission: 'exam.take' },
	{ href: '/exams/grading', label: 'nav_grading', permission: 'exam.grade' },
	{ href: '/account/record', label: 'nav_record' },
	{ href: '/laws', label: 'nav_laws' },
	{ href: '/banks', label: 'nav_banks', permission: 'bank.manage' },
	{ href: '/oversight', label: 'nav_oversight', permission: 'oversight.read' },
	{ href: '/admin/units', label: 'nav_units', permission: 'unit.manage' },
	{ href: '/hr/cases', label: 'nav_hr_cases', permission: 'promotion.read' },
	{ href: '/hr/oaths', label: 'nav_hr_oaths', permission: 'promotion.read' },
	{ href: '/admin/people', label: 'nav_people', permission: 'person.read' },
	{ href: '/admin/roster', label: 'nav_roster', permission: 'roster.export' },
	{ href: '/admin/calendar', label: 'nav_calendar', permission: 'calendar.manage' },
	{ href: '/hr/settings', label: 'nav_hr_settings', permission: 'policy.manage' },
	{ href: '/admin/audit', label: 'nav_audit', permission: 'audit.read' },
	{ href: '/admin/api-tokens', label: 'nav_api_tokens', permission: 'api_token.manage' }
];

/** The navigation this user should see; pages check permissions again on the server. */
export function navFor(user: SessionUser): NavItem[] {
	const allowed = (p: NavSpec['permission']) =>
		!p || [p].flat().some((one) => canAnywhere(user, one));
	return NAV.filter((n) => allowed(n.permission)).map(({ href, label }) => ({
		href,
		label: t(label)
	}));
}
