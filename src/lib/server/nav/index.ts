import type { SessionUser } from '../auth/session-user.ts';
import { type Permission, canAnywhere } from '../authz/index.ts';

export interface NavItem {
	href: string;
	/** A message key. */
	label: string;
}

interface NavSpec extends NavItem {
	/** Shown when the user has this permission somewhere; no permission means everyone. */
	permission?: Permission;
}

// Ordered as a person uses them; later features add their entries here.
const NAV: NavSpec[] = [
	{ href: '/', label: 'nav_home' },
	{ href: '/practice', label: 'nav_practice', permission: 'practice.use' },
	{ href: '/exams', label: 'nav_exams', permission: 'exam.take' },
	{ href: '/laws', label: 'nav_laws' },
	{ href: '/banks', label: 'nav_banks', permission: 'bank.manage' },
	{ href: '/admin/units', label: 'nav_units', permission: 'unit.manage' },
	{ href: '/admin/people', label: 'nav_people', permission: 'person.read' },
	{ href: '/admin/roster', label: 'nav_roster', permission: 'roster.export' },
	{ href: '/admin/audit', label: 'nav_audit', permission: 'audit.read' }
];

/** The navigation this user should see; pages check permissions again on the server. */
export function navFor(user: SessionUser): NavItem[] {
	return NAV.filter((n) => !n.permission || canAnywhere(user, n.permission)).map(
		({ href, label }) => ({ href, label })
	);
}
