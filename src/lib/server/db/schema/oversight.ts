import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { UnitCounts } from '$lib/oversight.ts';
import { unit } from './org.ts';

/** A unit's sessions, attendance and practice answers by month, as the dashboards' trend reads them. */
type StoredMonths = Record<
	string,
	{ scheduled: number; held: number; expected: number; attended: number; answers: number }
>;

/**
 * The oversight counts of each unit for a year, as last computed (services/oversight/snapshot.ts):
 * the dashboards and the assessment read these instead of scanning a year of attendance, practice
 * and exam rows on every view. Only units with records of their own have a row.
 */
export const oversightSnapshot = sqliteTable(
	'oversight_snapshot',
	{
		year: integer().notNull(),
		unitId: integer()
			.notNull()
			.references(() => unit.id, { onDelete: 'cascade' }),
		counts: text({ mode: 'json' }).$type<UnitCounts>().notNull(),
		months: text({ mode: 'json' }).$type<StoredMonths>().notNull()
	},
	(t) => [primaryKey({ columns: [t.year, t.unitId] })]
);

/** When each year's counts were last computed, and the as-of day they were counted to. */
export const oversightSnapshotRun = sqliteTable('oversight_snapshot_run', {
	year: integer().primaryKey(),
	computedAt: integer({ mode: 'timestamp_ms' }).notNull(),
	asOf: text().notNull()
});
