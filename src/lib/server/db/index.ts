import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, createClient } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { BUSY_RETRY_DELAYS_MS, BUSY_TIMEOUT_MS, retryingClient } from './busy.ts';
import { type Checkpoints, checkpointInBackground } from './checkpoints.ts';
import { clearStatementCache, installDriver } from './driver.ts';
import { migrateInTurn } from './migrate.ts';
import { lockTurns } from './turns.ts';
import { coalescedSync, walFileSync } from './wal-sync.ts';
import * as schema from './schema/index.ts';

export type Db = LibSQLDatabase<typeof schema>;
/** A transaction handle; services accept either, so a caller can compose them in one transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;
/**
 * The database as services and routes hold it (`ctx.db`, `locals.db`): reads only. Writing takes the
 * transaction handle that `transact`/`write` (context.ts) hand out, so a write outside them does not
 * compile. Raw statements (`run`, `all`) are left out too: they could write.
 */
export type ReadDb = Pick<Db, 'select' | 'selectDistinct' | 'query' | '$count' | '$with' | 'with'>;

export interface Database {
	db: Db;
	client: Client;
}

// the URL of each embedded file database opened, for work that reads it through a connection of
// its own on another thread (services/oversight/recount.ts)
const fileUrls = new WeakMap<object, string>();

// how each embedded file database makes its commits durable (./wal-sync.ts)
const commitSyncs = new WeakMap<object, () => Promise<void>>();

/**
 * Resolves when everything `db` committed so far is on disk: the write-ahead log synced after
 * it. At once for a libSQL server (which makes its own commits durable) or an in-memory database.
 */
export function durable(db: ReadDb): Promise<void> {
	return commitSyncs.get(db)?.() ?? Promise.resolve();
}

// who checkpoints each embedded file database's log (./checkpoints.ts)
const checkpointers = new WeakMap<object, Checkpoints>();

/**
 * Copies the write-ahead log of `db` into its database file now, off the event loop, as the
 * background checkpoints do twice a second: after a large write, so that the log does not wait
 * for the next. Nothing for a libSQL server (it keeps its own log) or an in-memory database.
 */
export function checkpointNow(db: ReadDb): Promise<void> {
	return checkpointers.get(db)?.now() ?? Promise.resolve();
}

/**
 * The URL of the embedded file database `db` was opened from; null for a libSQL server (whose I/O
 * does not block the event loop), an in-memory database (no other connection sees it) or a
 * transaction.
 */
export function embeddedUrlOf(db: ReadDb): string | null {
	return fileUrls.get(db) ?? null;
}

/**
 * A read-only handle on the embedded database at `url` through a connection of its own, without
 * migrating it (the app opened it and migrated it already): for a worker thread.
 */
export function openReader(url: string): { db: ReadDb; close: () => void } {
	installDriver();
	const client = retryingClient(createClient({ url, timeout: BUSY_TIMEOUT_MS }));
	return { db: drizzle(client, { schema, casing: 'snake_case' }), close: () => client.close() };
}

/** The path of an embedded database (`file:…`), or null for a libSQL server. */
export function filePathOf(url: string): string | null {
	if (!url.startsWith('file:')) return null;
	return url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length);
}

/**
 * Opens the database at `url` — an embedded `file:` database or a libSQL server — and brings its
 * schema up to date.
 */
export async function openDatabase(
	url: string,
	options: {
		authToken?: string;
		migrationsFolder: string;
		/** How the log of the file at a path is flushed to disk (tests watch it). */
		flushLog?: (path: string) => () => Promise<void>;
	}
): Promise<Database> {
	const path = filePathOf(url);
	installDriver();
	// libsql does not create a missing folder for a file database.
	if (path !== null && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	// `timeout` is the busy timeout of each pooled connection: short, because the embedded driver
	// waits synchronously; the retrying client waits again asynchronously, and writes through a
	// client of their own (./busy.ts). Foreign keys are on by default in libsql.
	const open = () => createClient({ url, authToken: options.authToken, timeout: BUSY_TIMEOUT_MS });
	const reads = open();
	const embeddedFile = path !== null && path !== ':memory:';
	// an embedded file: checkpointed in the background (./checkpoints.ts), its write lock taken
	// in turns with other processes (./turns.ts)
	const checkpoints = embeddedFile ? checkpointInBackground(path) : undefined;
	const client =
		path === null
			? // a server waits for its own locks: no polling it over the network
				retryingClient(reads, reads, { delays: BUSY_RETRY_DELAYS_MS })
			: checkpoints
				? retryingClient(reads, open(), { turns: lockTurns(path), onClose: checkpoints.stop })
				: retryingClient(reads);
	if (path !== null) {
		await client.execute('PRAGMA journal_mode = WAL');
		// Durability: every connection commits with synchronous=NORMAL (./driver.ts) and every write
		// is acknowledged only after the log was synced to disk (./wal-sync.ts), so that it survives
		// a power loss or an OS crash, not only a killed process. Exam answers must survive that.
	}
	const db = drizzle(client, { schema, casing: 'snake_case' });
	if (embeddedFile) commitSyncs.set(db, coalescedSync((options.flushLog ?? walFileSync)(path)));
	if (checkpoints) checkpointers.set(db, checkpoints);
	// in turn with another process starting on the same file (./migrate.ts)
	await migrateInTurn(db, options.migrationsFolder, embeddedFile ? { connect: open } : {});
	// statements compiled before a migration may list columns that changed
	clearStatementCache();
	if (embeddedFile) fileUrls.set(db, url);
	return { db, client };
}

export { schema };
