import { transact } from '../context.ts';
import { type ReadDb, type Tx, checkpointNow } from './index.ts';

/**
 * Large publishing transactions (an import job's last step). A 5,000-row roster publishes about
 * 1,000 pages to the write-ahead log; the log is checkpointed right after, in the background
 * (./checkpoints.ts), rather than at the next tick of the background checkpoints, so that the
 * pages the import staged before do not linger in the log for the reads that follow.
 *
 * (A publishing transaction once ran on a connection of its own that did not checkpoint, because
 * SQLite's own checkpoint ran inside its COMMIT with the event loop waiting. No connection of
 * the app checkpoints in a COMMIT now.)
 */

/** Runs transactions as `transact` does. */
export interface Publisher<C extends { db: ReadDb }> {
	transact<T>(fn: (ctx: C & { db: Tx }) => Promise<T>): Promise<T>;
}

/** Runs `publish` with a {@link Publisher}, then checkpoints the log (see above). */
export async function withPublisher<C extends { db: ReadDb }, T>(
	ctx: C,
	publish: (publisher: Publisher<C>) => Promise<T>
): Promise<T> {
	try {
		return await publish({ transact: (fn) => transact(ctx, fn) });
	} finally {
		await checkpointNow(ctx.db);
	}
}
