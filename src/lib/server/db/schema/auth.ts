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
		/** When the session ends unless it is used again (for the cookie and for sweeping). */
		expiresAt: integer({ mode: 'timestamp_ms' }).notNull(),
		/** The absolute lifetime runs from here, however much the session is used. */
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		/**
		 * The idle timeout runs from here (updated every few minutes of use, not on every request).
		 * Sessions from before this column count as idle (0): one new login after the upgrade.
		 */
		lastSeenAt: integer({ mode: 'timestamp_ms' })
			.notNull()
			.default(sql`0`)
	},
	// sign out everywhere on a password change
	(t) => [index('session_user_idx').on(t.userId)]
);

/**
 * Failed-login counters — per (account name, address) pair, per address, per account name, and
 * per user for the change-password form — in the database so that every app process shares them.
 */
export const loginThrottle = sqliteTable('login_throttle', {
	key: text().primaryKey(),
	failures: integer().notNull().default(0),
	windowStart: integer({ mode: 'timestamp_ms' }).notNull(),
	lockedUntil: integer({ mode: 'timestamp_ms' })
});

/**
 * Browsers that have logged in to an account before (a random cookie; only its SHA-256 is kept).
 * The per-account ceiling on failed logins does not lock these out, so that a stranger guessing
 * from many addresses cannot keep an account's owner out (OWASP's device-cookie defence).
 */
export const trustedDevice = sqliteTable(
	'trusted_device',
	{
		/** SHA-256 of the cookie's token; one browser may be trusted for several accounts. */
		id: text().notNull(),
		/** The login name, lower-cased, as the throttle keys spell it. */
		account: text().notNull(),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		expiresAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.id, t.account] }),
		// expired devices are swept when one is trusted
		index('trusted_device_expires_idx').on(t.expiresAt)
	]
);
