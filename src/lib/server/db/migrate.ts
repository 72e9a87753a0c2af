/**
 * Start-up's migration, in turn with other processes. Two app processes started on one database
 * file at the same moment both migrate it: one holds the write lock while it applies the
 * migrations, and the other, unlike a request, must not give up after the usual few seconds
 * ("database is locked") but wait its turn; and when its turn comes, the migrations it read as
 * pending may have been applied by the first ("table already exists"): then it simply goes on.
 */
import { sql } from 'drizzle-orm';
import type { Client } from '@libsql/client';
import { type LibSQLDatabase, drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { isDatabaseBusy } from '../errors.ts';
import { isBusy } from './busy.ts';

/** How long start-up waits for another process's lock before it fails. */
export const MIGRATE_WAIT_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether every migration in the folder is applied (false when that cannot be read now). */
async function upToDate<S extends Record<string, unknown>>(
	db: LibSQLDatabase<S>,
	latest: number
): Promise<boolean> {
	try {
		const [row] = await db.values<[unknown]>(sql`SELECT max(created_at) FROM __drizzle_migrations`);
		return row?.[0] != null && Number(row[0]) >= latest;
	} catch {
		return false;
	}
}

/**
 * Applies the migrations in `migrationsFolder` that `db` lacks, waiting while another process
 * holds the database's lock (up to `waitMs`), and going on when another process applied them.
 *
 * @throws the migration's error; or, the lock held all along, an error that says so
 */
export async function migrateInTurn<S extends Record<string, unknown>>(
	db: LibSQLDatabase<S>,
	migrationsFolder: string,
	options: {
		/**
		 * A connection of its own for each attempt, closed after it (an embedded file): a statement
		 * that met the lock stays pending on its connection until collected (./driver.ts), and the
		 * next attempt's DROP TABLE there would fail with "database table is locked".
		 */
		connect?: () => Client;
		waitMs?: number;
	} = {}
): Promise<void> {
	const { connect, waitMs = MIGRATE_WAIT_MS } = options;
	const migrations = readMigrationFiles({ migrationsFolder });
	const latest = Math.max(0, ...migrations.map((m) => m.folderMillis));
	const deadline = Date.now() + waitMs;
	const attempt = async () => {
		if (!connect) return migrate(db, { migrationsFolder });
		const client = connect();
		try {
			await migrate(drizzle(client), { migrationsFolder });
		} finally {
			client.close();
		}
	};
	for (let pause = 25; ; pause = Math.min(2 * pause, 500)) {
		try {
			await attempt();
			return;
		} catch (e) {
			// another process applied them between this one's look and its turn
			if (await upToDate(db, latest)) return;
			if (!isBusy(e) && !isDatabaseBusy(e)) throw e;
			if (Date.now() >= deadline) {
				throw new Error(
					`Migrating the database: it stayed locked by another process for ${waitMs / 1000} s ` +
						'(another app process still starting, or a tool holding it open): stop it, or try again',
					{ cause: e }
				);
			}
			// jitter, so that processes that met do not meet again in step
			await sleep(pause * (0.5 + Math.random()));
		}
	}
}
