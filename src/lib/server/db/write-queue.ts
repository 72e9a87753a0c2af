// libsql's embedded driver is synchronous: a second connection of this process that waits for the
// write lock blocks the event loop, so the transaction holding the lock can never finish (a stall
// of the busy timeout, then SQLITE_BUSY). Write transactions of one process therefore queue here,
// asynchronously — and so does the checkpoint that resets the log (./checkpoints.ts), which
// waits for no commit of this process in the middle of it. Other processes are separate event
// loops: retries and turns serve them (./busy.ts, ./turns.ts).
let writeQueue: Promise<unknown> = Promise.resolve();

/** Runs `work` once every write queued before it in this process is done. */
export function queued<T>(work: () => Promise<T>): Promise<T> {
	const run = writeQueue.then(work, work);
	writeQueue = run.catch(() => undefined);
	return run;
}
