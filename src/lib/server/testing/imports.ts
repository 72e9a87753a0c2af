import type { Ctx } from '../context.ts';
import { type JobFailure, readImportJob } from '../services/imports/job.ts';

/** An import job that ended in failure, as its page would show it. */
export class JobFailed extends Error {
	constructor(readonly failure: JobFailure) {
		super(failure.message);
	}
}

/**
 * Waits for a started import job to end, as its page would follow it.
 * @returns its result
 * @throws JobFailed when it failed
 */
export async function finishedJob<R>(
	ctx: Ctx,
	kind: string,
	started: { id: string; finished: Promise<void> }
): Promise<R> {
	await started.finished;
	const job = await readImportJob<R>(ctx, kind, started.id);
	if (job.state !== 'done') throw new JobFailed(job.failure!);
	return job.result!;
}
