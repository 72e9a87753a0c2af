import { AppError, InvalidInputError } from '../errors.ts';
import { workerPool } from '../workers/pool.ts';
import type { TaskOutcome, UploadTask } from './tasks.ts';

/** How long one upload may take to read before its worker is stopped. */
export const UPLOAD_PARSE_SECONDS = 20;
/** Uploads waiting for the worker beyond this many are turned away (the server is busy). */
const MAX_QUEUED = 8;
/**
 * Uploads of one person read or waiting at once: one person's crafted files, each allowed the
 * whole time limit, would otherwise fill the queue and turn everyone else away.
 */
export const MAX_PER_PERSON = 2;
// per process, like the worker it guards: nothing a second process needs to know
const readingFor = new Map<number, number>();

const getPool = workerPool('upload', {
	// one core parses, the other keeps serving requests
	minThreads: 0,
	maxThreads: 1,
	maxQueue: MAX_QUEUED,
	idleTimeout: 60_000,
	// a file that needs more than this is refused, and only its worker dies
	resourceLimits: { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 64 }
});

/**
 * Parses an upload of `person` on a worker thread, so that no file, however crafted, blocks the
 * requests of everyone else; a parse that runs past the time limit or the worker's memory is
 * stopped and refused with a clear message, and a person reads at most {@link MAX_PER_PERSON}
 * files at once. File-level problems found by the worker come back as the same
 * `InvalidInputError` the parsers throw.
 */
export async function parseUpload<T>(task: UploadTask, person: number): Promise<T> {
	const reading = readingFor.get(person) ?? 0;
	if (reading >= MAX_PER_PERSON) throw new AppError('upload_busy_own');
	readingFor.set(person, reading + 1);
	try {
		return await parseOnWorker<T>(task);
	} finally {
		const left = (readingFor.get(person) ?? 1) - 1;
		if (left > 0) readingFor.set(person, left);
		else readingFor.delete(person);
	}
}

async function parseOnWorker<T>(task: UploadTask): Promise<T> {
	let outcome: TaskOutcome<T>;
	try {
		outcome = (await (
			await getPool()
		).run(task, { signal: AbortSignal.timeout(UPLOAD_PARSE_SECONDS * 1000) })) as TaskOutcome<T>;
	} catch (e) {
		const error = e as { name?: string; code?: string; message?: string };
		if (error.name === 'AbortError' || error.name === 'TimeoutError') {
			throw new AppError('upload_timeout', { seconds: UPLOAD_PARSE_SECONDS });
		}
		if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') throw new AppError('upload_too_complex');
		if (/queue is at limit/i.test(error.message ?? '')) throw new AppError('upload_busy');
		throw e;
	}
	if ('failed' in outcome) {
		const { code, params } = outcome.failed;
		throw new InvalidInputError({ file: [code] }, code, params);
	}
	return outcome.value;
}
