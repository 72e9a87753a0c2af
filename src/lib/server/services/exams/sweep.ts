/**
 * The deadline sweep: submits every attempt still open past its deadline, whether or not any
 * browser is left to ask. Run periodically by every app process (and at start, so a restart
 * catches up); a lease in the database lets one process at a time do it. Requests that touch an
 * attempt close it themselves too (attempts.ts), so the sweep's period only bounds how late the
 * results of abandoned attempts appear.
 */
import { and, eq, sql } from 'drizzle-orm';
import { transact } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { examAttempt } from '../../db/schema/index.ts';
import { startLeasedJob } from '../../jobs/periodic.ts';
import { finishAttempt } from './finish.ts';

const LEASE = 'exam.deadline_sweep';

/** Submits up to `limit` overdue attempts, each in its own transaction; returns how many. */
export async function sweepOverdue(db: Db, now: Date, limit = 200): Promise<number> {
	const due = await db
		.select({ id: examAttempt.id })
		.from(examAttempt)
		.where(
			and(eq(examAttempt.state, 'in_progress'), sql`${examAttempt.deadline} <= ${now.getTime()}`)
		)
		.limit(limit);
	let n = 0;
	for (const { id } of due)
		if (await transact({ db, now, user: null }, (tx) => finishAttempt(tx, id))) n++;
	return n;
}

/**
 * Starts this process's periodic sweep: every `everyMs`, if it holds (or can take) the lease.
 * The timer does not keep the process alive.
 */
export function startDeadlineSweep(db: Db, everyMs = 15_000): () => void {
	return startLeasedJob(db, {
		lease: LEASE,
		everyMs,
		leaseMs: everyMs * 2,
		run: (now) => sweepOverdue(db, now),
		done: 'exam deadline sweep',
		failed: 'exam deadline sweep failed'
	});
}
