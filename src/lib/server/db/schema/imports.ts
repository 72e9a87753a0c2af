import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
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

export const IMPORT_JOB_STATES = ['running', 'done', 'failed'] as const;
export type ImportJobState = (typeof IMPORT_JOB_STATES)[number];

/**
 * A confirmed import, run in the background in short steps (services/imports/job.ts): its page
 * shows the progress, then the result. The id is the staged upload's, so a second confirm of the
 * same preview finds the job already under way.
 */
export const importJob = sqliteTable(
	'import_job',
	{
		id: text().primaryKey(),
		userId: integer()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		kind: text().notNull(),
		fileName: text().notNull(),
		state: text({ enum: IMPORT_JOB_STATES }).notNull(),
		/** What it is doing now, a message key (checking, passwords, writing, publishing). */
		phase: text().notNull().default(''),
		/** Work done and to do, in the units of its phase (rows, questions, articles). */
		done: integer().notNull().default(0),
		total: integer().notNull().default(0),
		/** What the finished job reports for its page (counts, ids). */
		result: text({ mode: 'json' }),
		/** Why it failed: a message key and its parameters, and row errors when there are any. */
		failure: text({ mode: 'json' }),
		/** Ids reserved for the rows the job creates, `{ table: [first, last] }`. */
		reserved: text({ mode: 'json' }).$type<Record<string, [number, number]>>(),
		createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
		/** Touched at every step: a running job not touched for minutes was interrupted. */
		updatedAt: integer({ mode: 'timestamp_ms' }).notNull(),
		expiresAt: integer({ mode: 'timestamp_ms' }).notNull()
	},
	// purge of expired jobs
	(t) => [index('import_job_expires_idx').on(t.expiresAt)]
);

/**
 * Secrets of a job's result (one-time passwords), encrypted with a key that only the importing
 * browser keeps (a cookie): the database never holds them readable. Apart from the job's row,
 * because SQLite rewrites a whole row on every update: kept in it, the hundreds of KB of a large
 * roster's passwords were written again (about 190 pages) by the update that marks the job done,
 * inside the publishing transaction, and read by every poll of the job's page.
 */
export const importSecret = sqliteTable('import_secret', {
	jobId: text()
		.primaryKey()
		.references(() => importJob.id, { onDelete: 'cascade' }),
	sealed: text().notNull()
});

/**
 * The rows an import job has prepared (as JSONB), written in short transactions and then published
 * into their tables by one INSERT … SELECT per table, so that the import stays all or nothing
 * without holding the write lock for long.
 */
export const importRow = sqliteTable(
	'import_row',
	{
		jobId: text()
			.notNull()
			.references(() => importJob.id, { onDelete: 'cascade' }),
		/** Which statement publishes the row, e.g. 'user.rename'. */
		target: text().notNull(),
		ord: integer().notNull(),
		data: blob().notNull()
	},
	(t) => [primaryKey({ columns: [t.jobId, t.target, t.ord] })]
);

// Staged rows in the shape of the table they are published into, one typed column per column:
// the publishing transaction copies them as they are, where reading each field out of JSONB
// (import_row) took as long again as the insert itself (a 5,000-row roster: tens of ms per table
// under the write lock). For the inserts of many rows; the few other staged rows stay in import_row.
const staging = {
	jobId: text()
		.notNull()
		.references(() => importJob.id, { onDelete: 'cascade' }),
	ord: integer().notNull()
};

/** New people of an import job (services/roster/publish.ts). */
export const importPerson = sqliteTable(
	'import_person',
	{
		...staging,
		id: integer().notNull(),
		unitId: integer().notNull(),
		name: text().notNull(),
		employeeNo: text().notNull(),
		position: text().notNull(),
		rank: text().notNull(),
		appointmentRoute: text().notNull(),
		status: text().notNull()
	},
	(t) => [primaryKey({ columns: [t.jobId, t.ord] })]
);

/**
 * People an import job updates, with `seen`: their updatedAt when the job was planned (publish
 * refuses when it changed since). Typed for the same reason: a 5,000-row roster whose every row
 * changed spent 26 ms under the write lock reading the fields out of JSONB (10 ms typed) and
 * 6 ms checking `seen` (1.5 ms).
 */
export const importPersonUpdate = sqliteTable(
	'import_person_update',
	{
		...staging,
		id: integer().notNull(),
		unitId: integer().notNull(),
		name: text().notNull(),
		position: text().notNull(),
		rank: text().notNull(),
		appointmentRoute: text().notNull(),
		status: text().notNull(),
		seen: integer().notNull()
	},
	(t) => [primaryKey({ columns: [t.jobId, t.ord] })]
);

/** New accounts of an import job. */
export const importUser = sqliteTable(
	'import_user',
	{
		...staging,
		id: integer().notNull(),
		username: text().notNull(),
		displayName: text().notNull(),
		personId: integer().notNull(),
		passwordHash: text().notNull()
	},
	(t) => [primaryKey({ columns: [t.jobId, t.ord] })]
);

/** Role grants an import job adds. */
export const importRoleGrant = sqliteTable(
	'import_role_grant',
	{
		...staging,
		userId: integer().notNull(),
		role: text().notNull(),
		unitId: integer().notNull()
	},
	(t) => [primaryKey({ columns: [t.jobId, t.ord] })]
);

/**
 * The contents of an import job's audit entries, in order; their place in the chain (seq and
 * hashes) is given when they are published (services/imports/audit-batch.ts).
 */
export const importAuditEntry = sqliteTable(
	'import_audit_entry',
	{
		...staging,
		at: integer().notNull(),
		actorUserId: integer(),
		action: text().notNull(),
		entityType: text().notNull(),
		entityId: text().notNull(),
		unitId: integer(),
		before: text(),
		after: text()
	},
	(t) => [primaryKey({ columns: [t.jobId, t.ord] })]
);
