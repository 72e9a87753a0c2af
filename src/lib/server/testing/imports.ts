import type { Ctx } from '../context.ts';
import { type JobFailure, readImportJob } from '../services/imports/job.ts';
import { type StatuteImportResult, startStatuteImport } from '../services/laws/import.ts';
import { STATUTE_KIND } from '../services/laws/staging.ts';
import {
	QUESTIONS_KIND,
	type QuestionImportResult,
	startQuestionImport
} from '../services/questions/import.ts';

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

/** Imports a previewed question file through its job, to the end. */
export async function importQuestions(
	ctx: Ctx,
	input: Parameters<typeof startQuestionImport>[1]
): Promise<QuestionImportResult> {
	return finishedJob(ctx, QUESTIONS_KIND, await startQuestionImport(ctx, input));
}

/** Imports a previewed statute through its job, to the end. */
export async function importStatute(
	ctx: Ctx,
	input: { stagedId: string; label: string }
): Promise<StatuteImportResult> {
	return finishedJob(ctx, STATUTE_KIND, await startStatuteImport(ctx, input));
}
