import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * 审计日志: append-only (triggers in the migration refuse UPDATE and DELETE), each entry hashed
 * together with the previous entry's hash so that any alteration breaks the chain.
 */
export const auditEntry = sqliteTable(
	'audit_entry',
	{
		seq: integer().primaryKey(),
		at: integer({ mode: 'timestamp_ms' }).notNull(),
		actorUserId: integer(),
		action: text().notNull(),
		entityType: text().notNull(),
		entityId: text().notNull(),
		unitId: integer(),
		before: text({ mode: 'json' }),
		after: text({ mode: 'json' }),
		prevHash: text().notNull(),
		hash: text().notNull()
	},
	(t) => [
		// the audit screen filters by what was changed
		index('audit_entity_idx').on(t.entityType, t.entityId),
		// and by unit subtree
		index('audit_unit_idx').on(t.unitId)
	]
);
