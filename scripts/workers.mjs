// Bundles each worker thread's entry (WORKERS) into one JavaScript file that a worker thread can
// run: Node 20 cannot run TypeScript, and a worker must not depend on where Vite happened to put
// the server's chunks. Used by the Vite build (build/<name>-worker.js) and, in development and
// tests, by the server itself on first use (src/lib/server/workers/pool.ts).
import { readFileSync, renameSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

/** Each worker's name and its entry. */
export const WORKERS = {
	// parses uploads off the request loop
	upload: 'src/lib/server/uploads/worker.ts',
	// counts the oversight dashboards off the request loop
	oversight: 'src/lib/server/services/oversight/worker.ts'
};

/**
 * The bundled file of the worker `name`.
 * @param {string} name
 */
export const workerFile = (name) => `${name}-worker.js`;

/**
 * Writes the bundled worker `name` to `outfile` (atomically: parallel test processes may race).
 * Runtime dependencies stay imports, resolved from the project's node_modules as the server's are.
 * @param {keyof typeof WORKERS} name
 * @param {string} outfile
 * @param {string} root the project folder
 */
export async function bundleWorker(name, outfile, root) {
	const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
	const external = Object.keys(pkg.dependencies).filter((d) => d !== '@xuefa/core');
	const result = await build({
		absWorkingDir: root,
		entryPoints: [WORKERS[name]],
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		external,
		// the workspace's core from its TypeScript sources, as Vite reads it (packages/core/package.json)
		conditions: ['@xuefa/source'],
		alias: { $lib: './src/lib' },
		write: false,
		logLevel: 'silent'
	});
	mkdirSync(dirname(outfile), { recursive: true });
	const tmp = `${outfile}.${process.pid}.tmp`;
	writeFileSync(tmp, result.outputFiles[0].contents);
	renameSync(tmp, outfile);
	return outfile;
}
