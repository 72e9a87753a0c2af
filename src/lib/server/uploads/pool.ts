import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Tinypool from 'tinypool';
import { AppError, InvalidInputError } from '../errors.ts';
import type { TaskOutcome, UploadTask } from './tasks.ts';

/** How long one upload may take to read before its worker is stopped. */
export const UPLOAD_PARSE_SECONDS = 20;
/** Uploads waiting for the worker beyond this many are turned away (the server is busy). */
const MAX_QUEUED = 8;
// The bundled worker's name; scripts/upload-worker.mjs writes it beside the built server.
const WORKER_FILE = 'upload-worker.js';

let pool: Promise<Tinypool> | undefined;

/** The built worker: `build/upload-worker.js`, found upwards from wherever this chunk landed. */
function builtWorker(): string {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < 6; i++, dir = dirname(dir)) {
		const file = join(dir, WORKER_FILE);
		if (existsSync(file)) return file;
	}
	throw new Error(`${WORKER_FILE} not found: run npm run build`);
}

/** In development and tests the TypeScript worker is bundled on first use. */
async function devWorker(): Promise<string> {
	const root = fileURLToPath(new URL('../../../../', import.meta.url));
	const script = pathToFileURL(join(root, 'scripts', 'upload-worker.mjs')).href;
	const { bundleUploadWorker } = (await import(/* @vite-ignore */ script)) as {
		bundleUploadWorker: (outfile: string, root: string) => Promise<string>;
	};
	return bundleUploadWorker(join(root, 'node_modules', '.cache', 'xuefa', WORKER_FILE), root);
}

function getPool(): Promise<Tinypool> {
	pool ??= (async () =>
		new Tinypool({
			filename: pathToFileURL(import.meta.env.DEV ? await devWorker() : builtWorker()).href,
			// one core parses, the other keeps serving requests
			minThreads: 0,
			maxThreads: 1,
			maxQueue: MAX_QUEUED,
			idleTimeout: 60_000,
			// a file that needs more than this is refused, and only its worker dies
			resourceLimits: { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 64 }
		}))();
	return pool;
}

/**
 * Parses an upload on a worker thread, so that no file, however crafted, blocks the requests of
 * everyone else; a parse that runs past the time limit or the worker's memory is stopped and
 * refused with a clear message. File-level problems found by the worker come back as the same
 * `InvalidInputError` the parsers throw.
 */
export async function parseUpload<T>(task: UploadTask): Promise<T> {
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
