import { randomUUID } from 'node:crypto';
import type { Db } from '../db/index.ts';
import { log } from '../log.ts';
import { takeLease } from './lease.ts';

/**
 * Starts a periodic job in this process: at start and every `everyMs`, a round of `run` if this
 * process holds (or can take) the job's lease in the database, so that among all app processes
 * one at a time does it. A round still running when the next tick comes is not started twice;
 * a failed round is logged and the next tick tries again. The timer does not keep the process
 * alive. A job that only works through what was there at start (`untilIdle`) stops after its
 * first round under the lease that finds nothing, rather than taking the lease (a write) forever.
 * Returns a function that stops it.
 */
export function startLeasedJob(
	db: Db,
	job: {
		/** The lease's name, the same in every process. */
		lease: string;
		everyMs: number;
		/** How long a taken lease lasts: longer than a round may take. */
		leaseMs: number;
		/** One round; what it did, for the log (nothing logged when 0). */
		run: (now: Date) => Promise<number>;
		/** The log's words: what a round did, and that it failed. */
		done: string;
		failed: string;
		untilIdle?: boolean;
	}
): () => void {
	const holder = `${process.pid}:${randomUUID()}`;
	let running = false;
	const tick = async () => {
		if (running) return;
		running = true;
		try {
			const now = new Date();
			if (await takeLease(db, job.lease, holder, now, job.leaseMs)) {
				const n = await job.run(now);
				if (n > 0) log.info({ n }, job.done);
				else if (job.untilIdle) stop();
			}
		} catch (e) {
			log.warn({ err: e }, job.failed);
		} finally {
			running = false;
		}
	};
	const timer = setInterval(() => void tick(), job.everyMs);
	timer.unref();
	const stop = () => clearInterval(timer);
	void tick();
	return stop;
}
