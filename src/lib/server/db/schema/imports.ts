import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { user } from './auth.ts';

/**
 * A parsed upload waiting for the person to confirm its preview. Kept in the database, not in
 * process memory, so the confirming request may reach any app process; expired rows are purged.
 */
export const stagedImport = sqliteTable(
	'staged_import',
	{
		id: text().primaryKey(),
		userId: integer()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** What is being imported, e.g. 'roster', 'questions'. */
		kind: text().notNull(),
		fileName: text().notNull(),
		payload: text({ mode: 'json' }).notNull(),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		expiresAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	// purge of expired uploads
	(t) => [index('staged_import_expires_idx').on(t.expiresAt)]
);
