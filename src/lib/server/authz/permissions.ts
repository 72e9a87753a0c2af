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
	'account.manage': ['admin'],
	'role.grant': ['admin'],
	'roster.import': ['admin', 'hr'],
	'roster.export': ['admin', 'hr', 'organiser'],
	'audit.read': ['admin'],
	/** The statute library is shared by all units; importing a statute needs this somewhere. */
	'law.manage': ['organiser', 'admin'],
	'bank.manage': ['organiser'],
	/** Practising is for everyone who studies: every account holds `cadre` on its own unit. */
	'practice.use': ['cadre']
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function rolesFor(permission: Permission): readonly Role[] {
	return PERMISSIONS[permission];
}
