import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from './db/index.ts';

/** What `/healthz` answers: nothing secret, nothing that needs a login. */
export interface Health {
	status: 'ok' | 'fail';
	database: 'ok' | 'unreachable';
	/** Whether the database's schema is the one this code expects. */
	migrations: 'current' | 'behind' | 'ahead' | 'unknown';
	applied: number | null;
	expected: number;
}

/** A check that takes longer than this counts as unreachable: a load balancer must not hang on it. */
const TIMEOUT_MS = 2000;

let journal: { count: number; last: number } | undefined;

/** The migrations this code ships (drizzle's journal), read once: they cannot change while it runs. */
function expectedMigrations(folder: string): { count: number; last: number } {
	journal ??= (() => {
		const { entries } = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')) as {
			entries: { when: number }[];
		};
		return { count: entries.length, last: Math.max(0, ...entries.map((e) => e.when)) };
	})();
	return journal;
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS);
	});
	return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Is the database reachable, and are its migrations the ones in `migrationsFolder`? Drizzle's
 * migrator records each applied migration with its journal timestamp; the newest must be ours.
 */
export async function checkHealth(db: Db, migrationsFolder: string): Promise<Health> {
	const expected = expectedMigrations(migrationsFolder);
	let row: { applied: number; latest: number | null } | undefined;
	try {
		row = await withTimeout(
			db.get<{ applied: number; latest: number | null }>(
				sql`SELECT count(*) AS applied, max(created_at) AS latest FROM __drizzle_migrations`
			)
		);
	} catch {
		return {
			status: 'fail',
			database: 'unreachable',
			migrations: 'unknown',
			applied: null,
			expected: expected.count
		};
	}
	const latest = Number(row?.latest ?? 0);
	const migrations =
		latest === expected.last ? 'current' : latest < expected.last ? 'behind' : 'ahead';
	return {
		status: migrations === 'current' ? 'ok' : 'fail',
		database: 'ok',
		migrations,
		applied: Number(row?.applied ?? 0),
		expected: expected.count
	};
}
