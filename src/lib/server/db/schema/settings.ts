import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { user } from './auth.ts';

/** Policy settings with defaults in code (each district configures its own numbers). */
export const policySetting = sqliteTable('policy_setting', {
	key: text().primaryKey(),
	value: text({ mode: 'json' }).notNull(),
	updatedAt: integer({ mode: 'timestamp_ms' }).notNull(),
	updatedBy: integer().references(() => user.id)
});
