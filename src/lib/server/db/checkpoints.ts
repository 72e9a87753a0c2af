/**
 * Checkpoints of an embedded database, off the event loop.
 *
 * In WAL mode SQLite copies the write-ahead log into the database file (a checkpoint) by itself,
 * inside the COMMIT that takes the log past 1,000 pages: it syncs the log, copies the pages and
 * syncs the database file, in the call that commits. libsql's embedded driver makes that call
 * synchronously, so the event loop stood still for it — 15 to 100 ms on these machines — every few
 * seconds on exam day, and every request that arrived meanwhile waited: that was the tail of the
 * answer saves' latency. So the app's connections never checkpoint (`wal_autocheckpoint = 0`,
 * ./driver.ts) and a connection of the driver's asynchronous kind checkpoints on libsql's own
 * threads, twice a second: passive checkpoints, which take no lock and wait for no one.
 *
 * The log starts again from its beginning only when a transaction begins with every frame of it
 * copied. A checkpoint running alongside this process's commits never got there under writes back
 * to back, and the log grew by megabytes a second; one that waits for readers or writers held up
 * the writes behind it (exam day's starts, 1.7 s at p99). So each checkpoint is queued with this
 * process's write transactions, as SQLite's own ran right after a commit: no commit of this
 * process lands in the middle of it, and it waits for no one — a passive one. Should the log
 * still pass four times SQLite's threshold (another process writing back to back too), one
 * restarting checkpoint follows, waiting briefly for the other's writers and readers.
 */
import { createRequire } from 'node:module';
import { log } from '../log.ts';
import { coalescedSync } from './wal-sync.ts';
import { queued } from './write-queue.ts';

interface AsyncStatement {
	all(): Promise<Record<string, unknown>[]>;
}
interface AsyncConnection {
	prepare(sql: string): Promise<AsyncStatement>;
	close(): void;
}

// the driver @libsql/client runs on, resolved from the client so that it is the very same copy
const require = createRequire(createRequire(import.meta.url).resolve('@libsql/client'));

/** How often the log is checkpointed: a second's writes on exam day are a few hundred pages. */
export const CHECKPOINT_EVERY_MS = 500;

/** Frames (pages) in the log past which a restarting checkpoint follows: 4 × SQLite's threshold. */
export const RESTART_PAST_FRAMES = 4000;

/** How long a restarting checkpoint waits (on libsql's thread) for other writers and readers. */
const RESTART_WAIT_MS = 100;

/** The checkpoints of one database file. */
export interface Checkpoints {
	/** Resolves once a checkpoint that began after the call is done. */
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
	const connection = new Database(path, { timeout: RESTART_WAIT_MS });
	let stopped = false;
	let failing = false;

	const checkpoint = async (mode: 'PASSIVE' | 'RESTART') => {
		const [row] = await (await connection.prepare(`PRAGMA wal_checkpoint(${mode})`)).all();
		return Number(row?.log ?? 0);
	};
	const once = async () => {
		if (stopped) return;
		try {
			if ((await queued(() => checkpoint('PASSIVE'))) > RESTART_PAST_FRAMES)
				await queued(() => checkpoint('RESTART'));
			failing = false;
		} catch (e) {
			// the log then grows until a checkpoint succeeds: said once, not twice a second
			if (!stopped && !failing) log.warn({ err: e }, 'checkpoint of the database log failed');
			failing = true;
		}
	};
	const now = coalescedSync(once);
	const timer = setInterval(() => void now(), everyMs);
	// a process with nothing else to do may exit: its last connection closing checkpoints the log
	timer.unref();
	return {
		now,
		stop() {
			if (stopped) return;
			stopped = true;
			clearInterval(timer);
			void now().finally(() => connection.close());
		}
	};
}
