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
		index('audit_unit_idx').on(t.unitId),
		// by who acted, newest first
		index('audit_actor_idx').on(t.actorUserId, t.seq),
		// by action, newest first; and the list of actions to filter by (one index seek per action)
		index('audit_action_idx').on(t.action, t.seq),
		// by period
		index('audit_at_idx').on(t.at)
	]
);

/**
 * Checkpoints of the audit chain's head (sequence and hash), each authenticated with an HMAC
 * whose key is kept outside the database. Whoever can rewrite the database can re-hash the chain
 * after an edit, or cut its tail, and it still links up; they cannot forge a checkpoint, so
 * verification finds both. Append-only like the log (triggers in the migration).
 */
export const auditCheckpoint = sqliteTable('audit_checkpoint', {
	id: integer().primaryKey({ autoIncrement: true }),
	seq: integer().notNull(),
	hash: text().notNull(),
	at: integer({ mode: 'timestamp_ms' }).notNull(),
	/** HMAC-SHA256 of the head (see services/audit/anchor.ts), hex. */
	mac: text().notNull()
});
