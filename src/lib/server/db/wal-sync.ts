/**
 * Durable commits without holding the write lock, or the event loop, for the disk.
 *
 * With synchronous=FULL SQLite syncs the write-ahead log inside COMMIT: the write lock stays held
 * for the disk's flush (every other writer, in any process, waits), and since libsql's embedded
 * driver is synchronous the event loop waits too. Instead the connections commit with
 * synchronous=NORMAL (./driver.ts) — consistent after a crash or power loss, but the last commits
 * may be lost — and each write is acknowledged only once the log has been synced to disk after
 * its commit: an fdatasync of the -wal file, on libuv's thread pool. Commits that arrive while a
 * sync runs share the next one, so under load many writes cost one flush.
 *
 * Why this keeps every acknowledged write through a power loss: the sync starts after the commit
 * wrote its frames to the log, and syncing a file flushes all of its written data whoever wrote
 * it. SQLite syncs the log itself before copying it into the database file (checkpoints), and
 * deletes the log only after a checkpoint when its last connection closes: a missing log holds
 * nothing unsynced.
 */
import { open } from 'node:fs/promises';

/**
 * A function that resolves once a sync that *began after it was called* has finished: a sync
 * already running may have started before the caller's commit, so callers arriving meanwhile
 * wait for the next one, which they all share.
 */
export function coalescedSync(syncOnce: () => Promise<void>): () => Promise<void> {
	let running: Promise<void> | null = null;
	let next: Promise<void> | null = null;
	const begin = (): Promise<void> => {
		const sync: Promise<void> = syncOnce().finally(() => {
			if (running === sync) running = null;
		});
		running = sync;
		return sync;
	};
	return () => {
		if (!running) return begin();
		next ??= running
			.catch(() => undefined)
			.then(() => {
				next = null;
				return begin();
			});
		return next;
	};
}

/** Flushes the write-ahead log of the database file at `path` to disk (nothing when there is none). */
export function walFileSync(path: string): () => Promise<void> {
	const wal = `${path}-wal`;
	return async () => {
		let file;
		try {
			// opened for each flush: SQLite may delete and recreate the log between two. Read-only:
			// flushing needs no write access (on Linux, and macOS), and this never writes the log
			file = await open(wal, 'r');
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
			throw e;
		}
		try {
			await file.datasync();
		} finally {
			await file.close();
		}
	};
}
