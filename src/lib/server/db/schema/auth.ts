import { sql } from 'drizzle-orm';
import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { person, unit } from './org.ts';

import { ROLES, type Role } from '../../../schemas/enums.ts';

export { ROLES, type Role };

/** A login. Linked to a person except for a bootstrap administrator created from the command line. */
export const user = sqliteTable(
	'user',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		username: text().notNull().unique(),
		displayName: text().notNull(),
		personId: integer().references(() => person.id),
		passwordHash: text().notNull(),
		mustChangePassword: integer({ mode: 'boolean' }).notNull().default(false),
		disabled: integer({ mode: 'boolean' }).notNull().default(false),
		createdAt: integer({ mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [
		// one account per person
		uniqueIndex('user_person_idx').on(t.personId),
		// a login name is unique whatever its case, as login matches it
		uniqueIndex('user_username_lower_idx').on(sql`lower(${t.username})`)
	]
);

/** A role granted on a unit; it covers the unit and every unit below it. */
export const roleGrant = sqliteTable(
	'role_grant',
	{
		userId: integer()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: text({ enum: ROLES }).notNull(),
		unitId: integer()
			.notNull()
			.references(() => unit.id),
		grantedAt: integer({ mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [primaryKey({ columns: [t.userId, t.role, t.unitId] })]
);

/** Sessions after Lucia's guide: the id is the SHA-256 of the token, so a leaked table grants nothing. */
export const session = sqliteTable(
	'session',
	{
		id: text().primaryKey(),
		userId: integer()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: integer({ mode: 'timestamp_ms' }).notNull(),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	// sign out everywhere on a password change
	(t) => [index('session_user_idx').on(t.userId)]
);

/**
 * Failed-login counters, per account name and per address, in the database so that every app
 * process shares them.
 */
export const loginThrottle = sqliteTable('login_throttle', {
	key: text().primaryKey(),
	failures: integer().notNull().default(0),
	windowStart: integer({ mode: 'timestamp_ms' }).notNull(),
	lockedUntil: integer({ mode: 'timestamp_ms' })
});
