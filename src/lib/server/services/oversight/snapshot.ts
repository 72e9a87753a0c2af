/**
 * The oversight counts as last computed, per unit and year. Counting a district's year reads every
 * attendance, practice and exam row of it (seconds, at 20,000 people), far too slow for a page view;
 * so the dashboards and the assessment read the counts stored here, which say when they were
 * computed, and a view that finds them older than {@link SNAPSHOT_MAX_AGE_MS} has them counted again
 * in the background (one process at a time, by a lease) while it shows the stored ones. Counting
 * runs off the request thread (recount.ts). A year never viewed is counted on its first view, which
 * waits for the count: that viewer waits whichever thread counts, and counting on the worker spares
 * everyone else the wait. Everything lives in the database: any app process serves any view.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { UnitCounts } from '$lib/oversight.ts';
import { transact } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import { oversightSnapshot, oversightSnapshotRun } from '../../db/schema/index.ts';
import { takeLease } from '../../jobs/lease.ts';
import { log } from '../../log.ts';
import { type MonthlyCounts, yearWindow } from './counts.ts';
import { countYear } from './recount.ts';

/** Counts older than this are counted again (ten minutes: a dashboard for a year's work). */
export const SNAPSHOT_MAX_AGE_MS = 10 * 60_000;
// a refresh that takes longer than this is presumed dead and may be taken over
const LEASE_MS = 5 * 60_000;
// rows per INSERT: SQLite's limit on bound parameters is far above 4 × this
const CHUNK = 200;

/** A year's stored counts: every unit with records of its own, and when they were counted. */
export interface Snapshot {
	units: Map<number, UnitCounts>;
	months: Map<number, MonthlyCounts>;
	computedAt: Date;
	/** The day counted up to (the year's last day, or the day of counting while it ran). */
	asOf: string;
}

/** Counts `year` afresh for every unit and stores it, replacing what was stored, in one transaction. */
export async function refreshSnapshot(db: ReadDb, year: number, now: Date): Promise<Snapshot> {
	const w = yearWindow(year, now);
	const { units, months } = await countYear(db, w);
	const rows = [...units].map(([unitId, counts]) => ({
		year,
		unitId,
		counts,
		months: months.get(unitId) ?? {}
	}));
	await transact({ db }, async ({ db: tx }) => {
		await tx.delete(oversightSnapshot).where(eq(oversightSnapshot.year, year));
		for (let i = 0; i < rows.length; i += CHUNK)
			await tx.insert(oversightSnapshot).values(rows.slice(i, i + CHUNK));
		await tx
			.insert(oversightSnapshotRun)
			.values({ year, computedAt: now, asOf: w.asOf })
			.onConflictDoUpdate({
				target: oversightSnapshotRun.year,
				set: { computedAt: now, asOf: w.asOf }
			});
	});
	return { units, months, computedAt: now, asOf: w.asOf };
}

/** The stored counts of `year`, or null when it was never counted. */
async function storedSnapshot(db: ReadDb, year: number): Promise<Snapshot | null> {
	const [run] = await db
		.select()
		.from(oversightSnapshotRun)
		.where(eq(oversightSnapshotRun.year, year));
	if (!run) return null;
	const rows = await db
		.select({
			unitId: oversightSnapshot.unitId,
			counts: oversightSnapshot.counts,
			months: oversightSnapshot.months
		})
		.from(oversightSnapshot)
		.where(eq(oversightSnapshot.year, year));
	return {
		units: new Map(rows.map((r) => [r.unitId, r.counts])),
		months: new Map(rows.map((r) => [r.unitId, r.months])),
		computedAt: run.computedAt,
		asOf: run.asOf
	};
}

/**
 * The counts of `year` for a view: the stored ones (counted on the spot when there are none), and,
 * when they are stale, a refresh started in the background by whichever process takes the lease.
 * `refreshing` settles when that refresh is done (tests wait for it; pages do not).
 */
export async function snapshotFor(
	db: ReadDb,
	year: number,
	now: Date
): Promise<{ snapshot: Snapshot; refreshing: Promise<void> | null }> {
	const stored = await storedSnapshot(db, year);
	if (!stored) return { snapshot: await refreshSnapshot(db, year, now), refreshing: null };
	if (now.getTime() - stored.computedAt.getTime() < SNAPSHOT_MAX_AGE_MS)
		return { snapshot: stored, refreshing: null };
	const refreshing = (async () => {
		const lease = `oversight.refresh.${year}`;
		if (!(await takeLease(db, lease, `${process.pid}:${randomUUID()}`, now, LEASE_MS))) return;
		const started = performance.now();
		await refreshSnapshot(db, year, now);
		log.info({ year, ms: Math.round(performance.now() - started) }, 'oversight counts refreshed');
	})().catch((e: unknown) => log.warn({ err: e, year }, 'oversight counts refresh failed'));
	return { snapshot: stored, refreshing };
}
