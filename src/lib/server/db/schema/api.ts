import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { user } from './auth.ts';
import { unit } from './org.ts';

/**
 * A token another system (an HR system) reads `/api/v1` with. Only the SHA-256 of the secret is
 * kept, as for sessions: the secret is shown once, when the token is made, and a leaked table
 * opens nothing.
 */
export const apiToken = sqliteTable(
	'api_token',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		name: text().notNull(),
		/** hex(sha-256(secret)) */
		secretHash: text().notNull().unique(),
		/** The secret's last four characters, so that an administrator can tell tokens apart. */
		hint: text().notNull(),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		createdBy: integer().references(() => user.id),
		/** Null: until revoked. */
		expiresAt: integer({ mode: 'timestamp_ms' }),
		revokedAt: integer({ mode: 'timestamp_ms' }),
		revokedBy: integer().references(() => user.id),
		lastUsedAt: integer({ mode: 'timestamp_ms' }),
		useCount: integer().notNull().default(0)
	},
	// the token list, newest first
	(t) => [index('api_token_created_idx').on(t.createdAt)]
);

/** The units a token may read: each unit and every unit below it, like a role grant. */
export const apiTokenUnit = sqliteTable(
	'api_token_unit',
	{
		tokenId: integer()
			.notNull()
			.references(() => apiToken.id, { onDelete: 'cascade' }),
		unitId: integer()
			.notNull()
			.references(() => unit.id)
	},
	(t) => [primaryKey({ columns: [t.tokenId, t.unitId] })]
);
