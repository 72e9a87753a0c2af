/**
 * Checkpoints of an embedded database, off the event loop.
 *
 * In WAL mode SQLite copies the write-ahead log into the database file (a checkpoint) by itself,
 * inside the COMMIT that takes the log past 1,000 pages: it syncs the log, copies the pages and
 * syncs the database file, in the call that commits. libsql's embedded driver makes that call
 * synchronously, so the event loop stood still for it — 15 to 100 ms on these machines — every few
 * seconds on exam day, and every request that arrived meanwhile waited: that was the tail of the
 * answer saves' latency. So the app's connections never checkpoint (`wal_autocheckpoint = 0`,
 * ./driver.ts) and a connection of the driver's asynchronous kind checkpoints the log on libsql's
 * own threads, twice a second: passive checkpoints, which take no write lock and wait for no one.
 * Two app processes on one file both do; a checkpoint meeting the other's simply does nothing.
 */
import { createRequire } from 'node:module';
import { log } from '../log.ts';

interface AsyncConnection {
	exec(sql: string): Promise<void>;
	close(): void;
}

// the driver @libsql/client runs on, resolved from the client so that it is the very same copy
const require = createRequire(createRequire(import.meta.url).resolve('@libsql/client'));

/** How often the log is checkpointed: a second's writes on exam day are a few hundred pages. */
export const CHECKPOINT_EVERY_MS = 500;

/** The checkpoints of one database file; {@link Checkpoints.now} for a checkpoint at once. */
export interface Checkpoints {
	/** Checkpoints now (or joins the checkpoint running): resolves when it is done. */
	now(): Promise<void>;
	/** Stops checkpointing and closes the connection (SQLite checkpoints as the last one closes). */
	stop(): void;
}

/** Checkpoints the write-ahead log of the database file at `path` every `everyMs`, in the background. */
export function checkpointInBackground(path: string, everyMs = CHECKPOINT_EVERY_MS): Checkpoints {
	const Database = require('libsql/promise') as new (
		path: string,
		options: object
	) => AsyncConnection;
	const connection = new Database(path, { timeout: 0 });
	let running: Promise<void> | null = null;
	let stopped = false;
	let reported = false;
	const now = (): Promise<void> =>
		(running ??= connection
			.exec('PRAGMA wal_checkpoint(PASSIVE)')
			.catch((e: unknown) => {
				// the log then grows until a checkpoint succeeds; say so once, not twice a second
				if (!stopped && !reported) log.warn({ err: e }, 'checkpoint of the database log failed');
				reported = true;
			})
			.finally(() => {
				running = null;
			}));
	const timer = setInterval(() => void now(), everyMs);
	// a process with nothing else to do may exit: its last connection closing checkpoints the log
	timer.unref();
	return {
		now,
		stop() {
			if (stopped) return;
			stopped = true;
			clearInterval(timer);
			void (running ?? Promise.resolve()).finally(() => connection.close());
		}
	};
}
