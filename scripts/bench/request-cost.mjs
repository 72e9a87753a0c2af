// What one request of each exam-day step costs the server in CPU time, measured one request at a
// time (no queueing, no contention between requests): the figure the load benchmark's latencies
// are made of. On 2 cores, N starts within 10 s need N/10 × start CPU-ms per second (with
// JavaScript the start brings the paper; the reload row is what the page asks on its own).
//   node scripts/bench/request-cost.mjs [candidates=300]
// Reads the server's own CPU time (/proc/<pid>/stat, Linux) before and after each step; prints
// CPU-ms per request beside the wall time. Needs build/ (npm run build). Figures only.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { startBuiltServer } from './server.mjs';

const N = Number(process.argv[2] ?? 300);
const QUESTIONS = 5000;
const PER_PAPER = 50;
const LEAD_MS = 60_000;
const TICK_MS = 10; // USER_HZ: 100 on Linux
const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const auditKey = randomBytes(32).toString('hex');

function runSeed(file) {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[
				'--conditions=@xuefa/source',
				'--import',
				'tsx',
				'scripts/bench-load-seed.ts',
				file,
				String(N),
				String(QUESTIONS),
				String(PER_PAPER)
			],
			{
				env: { ...process.env, XUEFA_AUDIT_KEY: auditKey, LOG_LEVEL: 'silent' },
				stdio: ['ignore', 'pipe', 'inherit']
			}
		);
		let out = '';
		child.stdout.on('data', (c) => (out += c));
		child.on('exit', (code) =>
			code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1))) : reject(new Error('seed'))
		);
	});
}

/** The process's CPU time (user + system) so far, in ms. */
function cpuMs(pid) {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

const dir = mkdtempSync(join(tmpdir(), 'xuefa-cost-'));
const file = join(dir, 'bench.db');
const seeded = await runSeed(file);
const opensAt = Date.now() + LEAD_MS;
const db = createClient({ url: `file:${file}` });
await db.execute({
	sql: 'UPDATE sitting SET opens_at = ?, closes_at = ? WHERE id = ?',
	args: [opensAt, opensAt + 6 * 3600_000, seeded.sittingId]
});
db.close();
const server = await startBuiltServer({ DATABASE_URL: `file:${file}`, XUEFA_AUDIT_KEY: auditKey });
const { origin, pid } = server;

const people = seeded.usernames.slice(0, N).map((username) => ({ username, cookie: '' }));
const formPost = (cookie, fields, fetched) => ({
	method: 'POST',
	redirect: 'manual',
	headers: {
		origin,
		cookie,
		'content-type': 'application/x-www-form-urlencoded',
		accept: fetched ? 'application/json' : 'text/html'
	},
	body: new URLSearchParams(fields)
});

const rows = [];
const windows = [];
/** Runs `one(person)` for every candidate in turn; records CPU and wall time per request. */
async function step(name, one) {
	const cpu0 = cpuMs(pid);
	const t0 = performance.now();
	const from = process.hrtime.bigint();
	let failed = 0;
	for (const p of people) if (!(await one(p))) failed++;
	const wall = (performance.now() - t0) / people.length;
	rows.push({ name, cpu: (cpuMs(pid) - cpu0) / people.length, wall, failed });
	// the step's window on the monotonic clock a server's --cpu-prof timestamps use (µs)
	windows.push({ name, from: Number(from / 1000n), to: Number(process.hrtime.bigint() / 1000n) });
}

try {
	for (let i = 0; i < 50; i++) await fetch(`${origin}/healthz`).then((r) => r.text());
	await step('GET /healthz', async () => (await fetch(`${origin}/healthz`)).ok);
	await step('login', async (p) => {
		const res = await fetch(
			`${origin}/login`,
			formPost('', { username: p.username, password: seeded.password })
		);
		p.cookie = (res.headers.getSetCookie()[0] ?? '').split(';')[0];
		return res.status === 303;
	});
	await step('sitting page (before the window)', async (p) => {
		const res = await fetch(`${origin}/exams/s/${seeded.sittingId}`, {
			headers: { cookie: p.cookie }
		});
		await res.text();
		return res.ok;
	});
	// the papers are drawn ahead meanwhile (the prepare job), as on exam day
	await sleep(opensAt - Date.now() + 500);
	await step('start (with JavaScript: the paper)', async (p) => {
		const res = await fetch(
			`${origin}/exams/s/${seeded.sittingId}/start`,
			formPost(p.cookie, { confirm: 'on' }, true)
		);
		const paper = res.ok ? JSON.parse(await res.text()) : null;
		p.attempt = paper?.id;
		p.questions = paper ? paper.items.map((i) => String(i.questionId)) : [];
		return p.questions.length > 0;
	});
	await step('exam page’s paper (a reload)', async (p) => {
		const res = await fetch(`${origin}/exams/a/${p.attempt}/paper`, {
			headers: { cookie: p.cookie }
		});
		const paper = JSON.parse(await res.text());
		return paper.items?.length > 0;
	});
	await step('save (one answer)', async (p) => {
		const res = await fetch(`${origin}/exams/a/${p.attempt}/save`, {
			method: 'POST',
			headers: { origin, cookie: p.cookie, 'content-type': 'application/json' },
			body: JSON.stringify({
				saves: [
					{
						questionId: p.questions[0],
						seq: 1,
						response: { type: 'single', choice: 'A' },
						flagged: false
					}
				]
			})
		});
		return (await res.json()).kind === 'saved';
	});
	await step('submit', async (p) => {
		const res = await fetch(`${origin}/exams/a/${p.attempt}?/submit`, formPost(p.cookie, {}));
		return res.status === 303;
	});
	await step('GET /healthz, after', async () => (await fetch(`${origin}/healthz`)).ok);
} finally {
	server.stop();
	rmSync(dir, { recursive: true, force: true });
}

if (process.env.BENCH_COST_WINDOWS)
	writeFileSync(process.env.BENCH_COST_WINDOWS, JSON.stringify(windows));
console.log(`\nCPU time of the server per request, ${N} candidates one after another`);
console.log(`${'step'.padEnd(36)}${'CPU ms'.padStart(8)}${'wall ms'.padStart(9)}  failed`);
for (const r of rows)
	console.log(
		`${r.name.padEnd(36)}${r.cpu.toFixed(2).padStart(8)}${r.wall.toFixed(2).padStart(9)}  ${r.failed}`
	);
