// The database under load, measured on the built app (npm run bench runs it after the core
// benchmarks): two app processes on one embedded database, a 5,000-row roster imported through
// the first while the second keeps serving logins; then a write lock held by another process.
// Figures only: nothing here fails a build.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createClient } from '@libsql/client';
import ExcelJS from 'exceljs';

const ROWS = 5000;
const PORTS = [Number(process.env.BENCH_PORT ?? 4890), Number(process.env.BENCH_PORT ?? 4890) + 1];
const PASSWORD = 'xuefa2026';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function startApp(port, dbUrl, demo) {
	const child = spawn('node', ['build/index.js'], {
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: `http://localhost:${port}`,
			DATABASE_URL: dbUrl,
			XUEFA_DEMO: demo ? '1' : '0',
			NODE_ENV: 'production',
			BODY_SIZE_LIMIT: '6M',
			XUEFA_SLOW_WRITE_MS: '0',
			// the slow-write lines are warnings: no line per request to parse meanwhile
			LOG_LEVEL: 'warn'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const holds = [];
	let errors = '';
	// the app's log, JSON lines on stdout: every write transaction (XUEFA_SLOW_WRITE_MS=0) and errors
	createInterface({ input: child.stdout }).on('line', (line) => {
		let entry;
		try {
			entry = JSON.parse(line);
		} catch {
			return;
		}
		if (entry.msg === 'slow write transaction') {
			holds.push({ ms: entry.heldMs, cpuMs: entry.cpuMs });
		} else if (entry.level >= 50) errors += line + '\n';
	});
	child.stderr.on('data', (chunk) => (errors += chunk.toString()));
	return { child, holds, errors: () => errors, origin: `http://localhost:${port}` };
}

async function ready(origin) {
	for (let i = 0; i < 600; i++) {
		try {
			if ((await fetch(`${origin}/login`)).ok) return;
		} catch {
			// not listening yet
		}
		await sleep(200);
	}
	throw new Error(`${origin} did not start`);
}

/** Logs in through the form; returns the status and the session cookie. */
async function login(origin, username) {
	const res = await fetch(`${origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username, password: PASSWORD })
	});
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('xuefa_session='));
	return { status: res.status, cookie: cookie?.split(';')[0] };
}

async function rosterFile() {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('花名册');
	sheet.addRow(['单位', '姓名', '工号', '职务', '职级', '任命方式', '状态', '角色']);
	for (let i = 1; i <= ROWS; i++) {
		sheet.addRow([
			'区司法局',
			`测试干部${i}`,
			`BENCH${String(i).padStart(5, '0')}`,
			'科员',
			'科员',
			'非人大任命',
			'在职',
			'学员'
		]);
	}
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Logs in to the second process again and again, as people arriving in the morning would. */
function loginLoad(origin, concurrency = 2) {
	const stats = { ok: 0, failed: 0, statuses: {}, latencies: [] };
	let running = true;
	const loops = Array.from({ length: concurrency }, async () => {
		while (running) {
			const started = performance.now();
			try {
				const { status } = await login(origin, 'cadre');
				stats.latencies.push(performance.now() - started);
				stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
				if (status === 303) stats.ok++;
				else stats.failed++;
			} catch {
				stats.failed++;
			}
			await sleep(50);
		}
	});
	return {
		stats,
		stop: async () => {
			running = false;
			await Promise.all(loops);
		}
	};
}

const longestHold = (holds) => holds.reduce((a, b) => (b.ms > a.ms ? b : a), { ms: 0, cpuMs: 0 });

const quantile = (values, q) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
};

/**
 * Uploads a file to an import page (`path`, e.g. /admin/roster), confirms the preview and waits
 * for the job: as a browser without JavaScript posts the forms. `fields` go with the upload.
 */
async function importThroughJob(app, cookie, path, file, fields = {}, confirmFields = {}) {
	const form = new FormData();
	form.set('file', new Blob([file.bytes]), file.name);
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	const headers = { origin: app.origin, cookie, accept: 'text/html' };
	const previewStarted = performance.now();
	const preview = await fetch(`${app.origin}${path}?/preview`, {
		method: 'POST',
		headers,
		body: form
	});
	const html = await preview.text();
	const stagedId = /name="stagedId" value="([0-9a-f]{32})"/.exec(html)?.[1];
	if (!stagedId) throw new Error(`the preview did not stage the file (HTTP ${preview.status})`);
	const previewMs = performance.now() - previewStarted;
	const started = performance.now();
	const confirm = await fetch(`${app.origin}${path}?/import`, {
		method: 'POST',
		redirect: 'manual',
		headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ stagedId, ...confirmFields })
	});
	const jobPage = confirm.headers.get('location');
	if (!jobPage) throw new Error(`the import did not start (HTTP ${confirm.status})`);
	for (;;) {
		const page = await (await fetch(`${app.origin}${jobPage}`, { headers })).text();
		if (page.includes('导入完成')) return { previewMs, importMs: performance.now() - started };
		if (page.includes('导入未完成')) throw new Error('the import failed');
		await sleep(250);
	}
}

/** ROWS questions in Aiken's format, each of its own text (a bank refuses duplicates). */
function questionFile() {
	const lines = [];
	for (let i = 1; i <= ROWS; i++)
		lines.push(
			`依照《中华人民共和国行政处罚法》，第${i}号测试题中，行政机关应当如何处理？`,
			`A. 依法作出处理决定${i}`,
			'B. 不予受理',
			'C. 移送其他机关',
			'D. 视情况而定',
			`ANSWER: ${'ABCD'[i % 4]}`,
			''
		);
	return { name: 'bench-questions.txt', bytes: new TextEncoder().encode(lines.join('\n')) };
}

/** A bank the signed-in organiser may import into: the first their bank list links to. */
async function firstBank(app, cookie) {
	const html = await (await fetch(`${app.origin}/banks`, { headers: { cookie } })).text();
	const id = /href="\/banks\/(\d+)"/.exec(html)?.[1];
	if (!id) throw new Error('no bank to import into');
	return id;
}

/** Another process holds the write lock for 10 s: how writes and reads of the app fare meanwhile. */
async function lockedFor10s(app, dbUrl) {
	const other = createClient({ url: dbUrl, timeout: 5000 });
	const tx = await other.transaction('write');
	await tx.execute('UPDATE policy_setting SET value = value WHERE 0');
	const held = performance.now();
	const write = (async () => {
		const started = performance.now();
		const { status } = await login(app.origin, 'cadre');
		return { status, ms: performance.now() - started };
	})();
	const reads = [];
	while (performance.now() - held < 4000) {
		const started = performance.now();
		await fetch(`${app.origin}/login`);
		reads.push(performance.now() - started);
		await sleep(100);
	}
	const answer = await write;
	await sleep(Math.max(0, 10_000 - (performance.now() - held)));
	await tx.rollback();
	other.close();
	return { write: answer, readMax: Math.max(...reads) };
}

export async function runDbBench() {
	if (!existsSync('build/index.js')) {
		console.error('building the app for the database benchmarks …');
		await new Promise((resolve, reject) =>
			spawn('npx', ['vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] }).on(
				'exit',
				(code) => (code === 0 ? resolve() : reject(new Error('vite build failed')))
			)
		);
	}
	const dir = mkdtempSync(join(tmpdir(), 'xuefa-bench-db-'));
	const dbUrl = `file:${join(dir, 'bench.db')}`;
	const first = startApp(PORTS[0], dbUrl, true);
	let second;
	try {
		await ready(first.origin);
		second = startApp(PORTS[1], dbUrl, false);
		await ready(second.origin);
		const admin = await login(first.origin, 'admin');
		if (!admin.cookie) throw new Error(`cannot log in as admin (HTTP ${admin.status})`);
		const roster = { name: 'bench-roster.xlsx', bytes: await rosterFile() };
		first.holds.length = 0;
		const load = loginLoad(second.origin);
		const { previewMs, importMs } = await importThroughJob(
			first,
			admin.cookie,
			'/admin/roster',
			roster
		);
		await load.stop();
		const longest = longestHold(first.holds);
		// the largest question file a bank takes, through an organiser, while logins go on
		const organiser = await login(first.origin, 'organiser');
		if (!organiser.cookie) throw new Error(`cannot log in as organiser (HTTP ${organiser.status})`);
		const bankId = await firstBank(first, organiser.cookie);
		first.holds.length = 0;
		const bankLoad = loginLoad(second.origin);
		const questions = await importThroughJob(
			first,
			organiser.cookie,
			`/banks/${bankId}/import`,
			questionFile(),
			{ format: 'aiken' },
			{ status: 'ready' }
		);
		await bankLoad.stop();
		const longestBank = longestHold(first.holds);
		const locked = await lockedFor10s(second, dbUrl);
		return [
			{
				name: `roster preview of ${ROWS} rows (upload, read, check)`,
				value: previewMs,
				unit: 'ms'
			},
			{
				name: `roster import of ${ROWS} rows (confirm → done)`,
				value: importMs,
				target: 60_000,
				unit: 'ms'
			},
			{
				name: 'longest write-lock hold during the import',
				value: longest.ms,
				target: 100,
				unit: 'ms'
			},
			{ name: '  (CPU time of the app during that hold)', value: longest.cpuMs, unit: 'ms' },
			{
				name: 'errors on a second process during the import',
				value: load.stats.failed,
				target: 0,
				unit: ''
			},
			{
				name: `  (its logins: ${load.stats.ok} ok; p99 latency)`,
				value: quantile(load.stats.latencies, 0.99),
				unit: 'ms'
			},
			{
				name: `question import of ${ROWS} (Aiken, confirm → done)`,
				value: questions.importMs,
				target: 60_000,
				unit: 'ms'
			},
			{
				name: 'longest write-lock hold during the question import',
				value: longestBank.ms,
				target: 100,
				unit: 'ms'
			},
			{ name: '  (CPU time of the app during that hold)', value: longestBank.cpuMs, unit: 'ms' },
			{
				name: 'errors on a second process during the question import',
				value: bankLoad.stats.failed,
				target: 0,
				unit: ''
			},
			{
				name: `write while another process holds the lock 10 s: HTTP ${locked.write.status} after`,
				value: locked.write.ms,
				target: 5000,
				unit: 'ms'
			},
			{
				name: 'slowest read meanwhile (GET /login)',
				value: locked.readMax,
				target: 200,
				unit: 'ms'
			}
		];
	} finally {
		first.child.kill();
		second?.child.kill();
		await sleep(300);
		rmSync(dir, { recursive: true, force: true });
		const errors = first.errors() + (second?.errors() ?? '');
		if (errors.trim()) console.error(errors.trim().split('\n').slice(0, 20).join('\n'));
	}
}
