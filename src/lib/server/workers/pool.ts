/**
 * Worker thread pools (tinypool) whose worker is a separate bundle (scripts/workers.mjs): in
 * development and tests bundled from the TypeScript entry on first use, in production the file
 * the build wrote beside the server.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Tinypool, { type Options } from 'tinypool';

/** The workers scripts/workers.mjs bundles. */
export type WorkerName = 'upload' | 'oversight';

const fileOf = (name: WorkerName) => `${name}-worker.js`;

/** The built worker: `build/<name>-worker.js`, found upwards from wherever this chunk landed. */
function builtWorker(name: WorkerName): string {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < 6; i++, dir = dirname(dir)) {
		const file = join(dir, fileOf(name));
		if (existsSync(file)) return file;
	}
	throw new Error(`${fileOf(name)} not found: run npm run build`);
}

/** In development and tests the TypeScript worker is bundled on first use. */
async function devWorker(name: WorkerName): Promise<string> {
	const root = fileURLToPath(new URL('../../../../', import.meta.url));
	const script = pathToFileURL(join(root, 'scripts', 'workers.mjs')).href;
	const { bundleWorker } = (await import(/* @vite-ignore */ script)) as {
		bundleWorker: (name: WorkerName, outfile: string, root: string) => Promise<string>;
	};
	return bundleWorker(name, join(root, 'node_modules', '.cache', 'xuefa', fileOf(name)), root);
}

/** A pool of the worker `name`, made on first use. */
export function workerPool(
	name: WorkerName,
	options: Omit<Options, 'filename'>
): () => Promise<Tinypool> {
	let pool: Promise<Tinypool> | undefined;
	return () =>
		(pool ??= (async () =>
			new Tinypool({
				...options,
				filename: pathToFileURL(import.meta.env.DEV ? await devWorker(name) : builtWorker(name))
					.href
			}))());
}
