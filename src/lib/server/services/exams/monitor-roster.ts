/**
 * The monitor's roster in SQL: how many candidates are in each state, and one page of those the
 * organiser asked for. A sitting may hold 600 people and the monitor refreshes every 15 seconds:
 * the states are counted in the database and only the page shown is read in full.
 */
import { type SQL, and, asc, count, eq, sql } from 'drizzle-orm';
import type { MonitorQuery } from '$lib/schemas/exam-monitor.ts';
import type { ReadDb } from '../../db/index.ts';
import { examAttempt, examFocusEvent, person, sitting, unit } from '../../db/schema/index.ts';
import { textSearch } from '../../search/text.ts';
import { onRoster } from './sittings.ts';

/** What the monitor shows of one candidate. */
export type MonitorStatus = 'not_started' | 'in_progress' | 'submitted' | 'voided';

/** How many candidates the monitor lists on a page. */
export const MONITOR_PAGE_SIZE = 50;

// each person's latest attempt at the sitting (the unique index on sitting, person, number)
const latestAttempt = sql`(SELECT latest.id FROM ${examAttempt} AS latest
	WHERE latest.sitting_id = ${sitting.id} AND latest.person_id = ${person.id}
	ORDER BY latest.number DESC LIMIT 1)`;

const status = sql<MonitorStatus>`CASE
	WHEN ${examAttempt.id} IS NULL THEN 'not_started'
	WHEN ${examAttempt.state} = 'in_progress' THEN 'in_progress'
	WHEN ${examAttempt.state} = 'voided' THEN 'voided'
	ELSE 'submitted' END`;

// left the exam page at least once during the latest attempt
const flagged = sql<number>`(${examAttempt.id} IS NOT NULL AND EXISTS (
	SELECT 1 FROM ${examFocusEvent} WHERE ${examFocusEvent.attemptId} = ${examAttempt.id}))`;

/** The roster of the sitting joined to each person's latest attempt there (null: not started). */
function rosterWithLatest<T extends Record<string, unknown>>(
	db: ReadDb,
	sittingId: number,
	columns: T
) {
	return db
		.select(columns as T & Record<string, SQL | typeof person.id>)
		.from(person)
		.innerJoin(unit, eq(unit.id, person.unitId))
		.innerJoin(sitting, eq(sitting.id, sittingId))
		.leftJoin(examAttempt, eq(examAttempt.id, latestAttempt));
}

/** How many candidates of the roster are in each state, and how many left the exam page. */
export async function monitorCounts(db: ReadDb, sittingId: number) {
	const rows = await rosterWithLatest(db, sittingId, { status, flagged, n: count() })
		.where(onRoster(person.id, sitting.id))
		.groupBy(status, flagged);
	const counts = { not_started: 0, in_progress: 0, submitted: 0, voided: 0, flagged: 0 };
	for (const r of rows) {
		counts[r.status] += r.n;
		if (r.flagged) counts.flagged += r.n;
	}
	return counts;
}

/** The condition of `show`: one state, the flagged, or none for everyone. */
function shown(show: MonitorQuery['show']): SQL | undefined {
	if (show === 'all') return undefined;
	if (show === 'flagged') return sql`${flagged}`;
	return sql`${status} = ${show}`;
}

/**
 * One page of the roster as `query` filters it (in unit order, then by name), each person with
 * their latest attempt's id; past the last page, the last. Also how many match in all.
 */
export async function monitorPage(db: ReadDb, sittingId: number, query: MonitorQuery) {
	const where = and(
		onRoster(person.id, sitting.id),
		shown(query.show),
		textSearch(query.q, { columns: [person.name, person.employeeNo, unit.name] })
	);
	const read = (page: number) =>
		rosterWithLatest(db, sittingId, {
			id: person.id,
			name: person.name,
			employeeNo: person.employeeNo,
			unitName: unit.name,
			status,
			attemptId: examAttempt.id,
			// how many match, counted by the same scan that reads the page
			matching: sql<number>`count(*) OVER ()`
		})
			.where(where)
			.orderBy(asc(unit.path), asc(person.name), asc(person.id))
			.limit(MONITOR_PAGE_SIZE)
			.offset((page - 1) * MONITOR_PAGE_SIZE);
	let page = query.page;
	let rows = await read(page);
	if (rows.length === 0 && page > 1) {
		// an old address (a filter that now matches fewer): the last page there is
		const [all] = await rosterWithLatest(db, sittingId, { n: count() }).where(where);
		page = Math.max(1, Math.ceil((all?.n ?? 0) / MONITOR_PAGE_SIZE));
		rows = await read(page);
	}
	return {
		rows: rows.map(({ matching: _, ...r }) => r),
		matching: rows[0]?.matching ?? 0,
		page,
		pageSize: MONITOR_PAGE_SIZE
	};
}
