/**
 * Turns at the write lock between the app processes that share one database file.
 *
 * SQLite's write lock is not a queue: a process whose BEGIN meets it tries again later (./busy.ts),
 * and a process that writes back to back — a submit storm, every transaction grading an attempt —
 * takes the lock again microseconds after each COMMIT, long before the other's next try. The other
 * process's requests then wait until the storm is over, or get "busy, try again". So a process
 * whose BEGIN met the lock leaves a mark in a small file beside the database (`<file>-turns`): when
 * it is next to begin a transaction, the process holding the lock first pauses two milliseconds —
 * the waiting process tries every millisecond and gets in — and the mark is cleared by whoever
 * got in. A process never waits for a mark of its own, nor for one older than the retries last.
 */
import { closeSync, constants, fchownSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import { log } from '../log.ts';

/** How long a process with the lock to take pauses for a process that waits for it. */
export const YIELD_MS = 2;

/** A mark older than this was left by a process that stopped waiting (or stopped): ignored. */
export const MARK_TTL_MS = 4_000;

/** How often a waiting process writes its mark again (another waiter may have cleared it). */
const REMARK_MS = 50;

/** Turns at the write lock of one database file, for one process. */
export interface Turns {
	/** Before a write transaction begins: lets a process that waits for the lock in first. */
	beforeBegin(): Promise<void>;
	/** This process's BEGIN met the lock held: it waits, and says so. */
	waiting(): void;
	/** This process stopped waiting (it got the lock, or gave up). */
	done(): void;
	/** Closes the file. */
	close(): void;
}

// the mark: when (ms since the epoch, f64) and who (a process's random id, u32; 0 = none)
const MARK_BYTES = 12;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Turns at the write lock of the database file at `path` (see above); none, with a warning in the
 * log, when its file cannot be opened — the processes then only take the lock less fairly.
 */
export function lockTurns(path: string, now: () => number = Date.now): Turns | undefined {
	try {
		return openTurns(path, now);
	} catch (e) {
		log.warn({ err: e, file: `${path}-turns` }, 'no turns at the write lock between processes');
		return undefined;
	}
}

function openTurns(path: string, now: () => number): Turns {
	const file = openSync(`${path}-turns`, constants.O_RDWR | constants.O_CREAT, 0o660);
	// made by root (an administrator's script): the app's own user must open it too, as SQLite
	// gives its -wal and -shm files the database file's owner
	if (process.getuid?.() === 0) {
		const owner = statSync(path, { throwIfNoEntry: false });
		if (owner) fchownSync(file, owner.uid, owner.gid);
	}
	const me = randomInt(1, 2 ** 32);
	const buffer = Buffer.alloc(MARK_BYTES);
	let markedAt = 0;

	const read = (): { at: number; who: number } => {
		const n = readSync(file, buffer, 0, MARK_BYTES, 0);
		if (n < MARK_BYTES) return { at: 0, who: 0 };
		return { at: buffer.readDoubleLE(0), who: buffer.readUInt32LE(8) };
	};
	const write = (at: number, who: number) => {
		const out = Buffer.alloc(MARK_BYTES);
		out.writeDoubleLE(at, 0);
		out.writeUInt32LE(who, 8);
		writeSync(file, out, 0, MARK_BYTES, 0);
	};

	let closed = false;
	return {
		async beforeBegin() {
			if (closed) return;
			const mark = read();
			// a mark from the future: the clock was set back since, and it is as good as stale
			const age = now() - mark.at;
			if (mark.who !== 0 && mark.who !== me && age >= 0 && age < MARK_TTL_MS) await pause(YIELD_MS);
		},
		waiting() {
			if (closed) return;
			const t = now();
			if (t - markedAt < REMARK_MS) return;
			markedAt = t;
			write(t, me);
		},
		done() {
			if (markedAt === 0 || closed) return;
			markedAt = 0;
			// another process may wait too: its mark, written since, stays (it writes it again anyway)
			if (read().who === me) write(0, 0);
		},
		close() {
			if (closed) return;
			closed = true;
			closeSync(file);
		}
	};
}
