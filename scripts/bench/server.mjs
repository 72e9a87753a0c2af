// Starts the built app (build/) on a free local port with a fresh, empty database, for benchmarks
// that measure the server from outside as a client would. Nothing here asserts: figures only.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A port nobody listens on now. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address();
			probe.close(() => resolve(port));
		});
	});
}

/**
 * The built server on 127.0.0.1, started as `npm start` starts it (scripts/start.mjs: its
 * production settings). Returns its origin, its process id and a `stop()` that ends it and removes its database
 * (`extraEnv.DATABASE_URL` puts it on a database of the caller's instead, which stays).
 */
export async function startBuiltServer(extraEnv = {}) {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const dir = mkdtempSync(join(tmpdir(), 'xuefa-bench-db-'));
	// BENCH_SERVER_NODE_ARGS: node options for the server alone, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`
	const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
	const child = spawn(process.execPath, [...nodeArgs, 'scripts/start.mjs'], {
		env: {
			...process.env,
			NODE_ENV: 'production',
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: origin,
			DATABASE_URL: `file:${join(dir, 'bench.db')}`,
			XUEFA_DEMO: '0',
			...extraEnv
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const stop = () => {
		// SIGINT: adapter-node closes its server and the process exits by itself (a CPU profile is written)
		child.kill('SIGINT');
		rmSync(dir, { recursive: true, force: true });
	};
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
		try {
			const res = await fetch(`${origin}/login`);
			await res.arrayBuffer();
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			stop();
			throw new Error('the server did not start within 60 s');
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	return { origin, pid: child.pid, stop };
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values, p) {
	const sorted = [...values].sort((a, b) => a - b);
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Times `GET path` one request after another (a person loading the page) until `until()` is true;
 * returns the latencies in milliseconds.
 */
export async function timeGets(origin, path, until) {
	const times = [];
	while (!until()) {
		const start = performance.now();
		const res = await fetch(origin + path);
		await res.arrayBuffer();
		times.push(performance.now() - start);
		await new Promise((r) => setTimeout(r, 20));
	}
	return times;
}
