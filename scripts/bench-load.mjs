// `npm run bench:load` — exam day (issue 12): N candidates log in before the window, start, save an
// answer every ~10 s and submit, against the built app on a fresh database with a generated
// 5,000-question bank; first one app process, then two on the same database file (the
// candidates split between them). The candidates are played by scripts/bench/load-client.mjs, a
// process of its own; the database is filled beforehand by scripts/bench-load-seed.ts, another.
// Figures beside their targets; nothing here fails.
//
//   BENCH_LOAD_CANDIDATES  N (default 2000; e.g. 200 to try it quickly)
//   BENCH_LOAD_STEPS       several N, e.g. 2000,3000,5000: one line each (how far it goes)
//   BENCH_LOAD_SCALE       the ten minutes of logins before the window, divided by this (default 5)
//   BENCH_LOAD_ROUNDS      answers each candidate saves, one every ~10 s (default 6)
//   BENCH_LOAD_PROCESSES   1, 2 or 1,2 (default): one app process, two, or both
//   BENCH_LOAD_NOJS        1: the candidates' browsers run no JavaScript (the start a 303 and the
//                          exam page its HTML), instead of a phone's browser with it (the start
//                          brings the paper: one request)
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
	copyFileSync,
	existsSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { percentile, startBuiltServer } from './bench/server.mjs';

const env = process.env;
const STEPS = (env.BENCH_LOAD_STEPS ?? env.BENCH_LOAD_CANDIDATES ?? '2000').split(',').map(Number);
const SCALE = Number(env.BENCH_LOAD_SCALE ?? 5);
const ROUNDS = Number(env.BENCH_LOAD_ROUNDS ?? 6);
const PROCESSES = (env.BENCH_LOAD_PROCESSES ?? '1,2').split(',').map(Number);
const NO_JS = env.BENCH_LOAD_NOJS === '1';
const QUESTIONS = 5000;
const PER_PAPER = 50;
const TRIVIAL = '/healthz';
const TARGETS = { saveP99: 150, startP99: 300, savePercent: 30 };
// from the servers' start to the first login: their start, the warm-up and the ceiling (5 s)
const LEAD_MS = 20_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The newest modification time under `dir`, in ms. */
function newest(dir) {
	let latest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
	}
	return latest;
}

function ensureBuild() {
	const built = existsSync('build/index.js') ? statSync('build/index.js').mtimeMs : 0;
	const sources = Math.max(newest('src'), newest('packages/core/src'));
	if (built >= sources) return;
	console.log(
		built ? 'build/ is older than the sources: building the app …' : 'no build/: building the app …'
	);
	execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
		stdio: ['ignore', 'ignore', 'inherit']
	});
}

/** Runs a node script to its end; its standard output. */
function runNode(args, extraEnv = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, {
			env: { ...env, ...extraEnv },
			stdio: ['ignore', 'pipe', 'inherit']
		});
		let out = '';
		child.stdout.on('data', (c) => (out += c));
		child.on('exit', (code) =>
			code === 0
				? resolve(out)
				: reject(new Error(`${args.find((a) => a.startsWith('scripts/'))} exited with ${code}`))
		);
	});
}

/** The peak resident memory of a process (VmHWM), in MB. */
function peakRss(pid) {
	const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
	return kb ? Number(kb) / 1024 : NaN;
}

const auditKey = randomBytes(32).toString('hex');

async function seed(dir, candidates) {
	const file = join(dir, 'seed.db');
	const started = performance.now();
	const out = await runNode(
		[
			'--conditions=@xuefa/source',
			'--import',
			'tsx',
			'scripts/bench-load-seed.ts',
			file,
			String(candidates),
			String(QUESTIONS),
			String(PER_PAPER)
		],
		{ XUEFA_AUDIT_KEY: auditKey, LOG_LEVEL: 'silent' }
	);
	const seeded = JSON.parse(out.trim().split('\n').at(-1));
	console.log(
		`seeded ${QUESTIONS.toLocaleString('en')} questions and ${candidates.toLocaleString('en')} candidates in ${((performance.now() - started) / 1000).toFixed(0)} s`
	);
	return { file, ...seeded };
}

/** One run: `processes` app processes on a copy of the seeded database, N candidates. */
async function run(seeded, dir, n, processes) {
	const runDir = mkdtempSync(join(dir, 'run-'));
	copyFileSync(seeded.file, join(runDir, 'bench.db'));
	// the window opens when the login ramp ends (the papers may be drawn ahead meanwhile)
	const opensAt = Date.now() + LEAD_MS + 600_000 / SCALE;
	const db = createClient({ url: `file:${join(runDir, 'bench.db')}` });
	await db.execute({
		sql: 'UPDATE sitting SET opens_at = ?, closes_at = ? WHERE id = ?',
		args: [opensAt, opensAt + 6 * 3600_000, seeded.sittingId]
	});
	db.close();
	const servers = [];
	try {
		for (let i = 0; i < processes; i++)
			servers.push(
				await startBuiltServer({
					DATABASE_URL: `file:${join(runDir, 'bench.db')}`,
					XUEFA_AUDIT_KEY: auditKey
				})
			);
		const config = join(runDir, 'client.json');
		writeFileSync(
			config,
			JSON.stringify({
				origins: servers.map((s) => s.origin),
				sittingId: seeded.sittingId,
				usernames: seeded.usernames.slice(0, n),
				password: seeded.password,
				opensAt,
				startSpreadMs: 10_000,
				saveEveryMs: 10_000,
				rounds: ROUNDS,
				burstMs: 5_000,
				ceilingMs: 5_000,
				concurrency: 32,
				trivialPath: TRIVIAL,
				trivialRate: 10,
				noJs: NO_JS
			})
		);
		// the papers drawn ahead when the window opens: a start without one draws it then, which
		// costs several times a start's usual work (the timeline here is the issue's, scaled down)
		const prepared = preparedAt(join(runDir, 'bench.db'), seeded.sittingId, opensAt);
		const figures = JSON.parse(await runNode(['scripts/bench/load-client.mjs', config]));
		return { figures, rss: servers.map((s) => peakRss(s.pid)), prepared: await prepared };
	} finally {
		for (const s of servers) s.stop();
		await sleep(500);
		rmSync(runDir, { recursive: true, force: true });
	}
}

/** How many papers of the sitting were prepared at `at` (read then, beside the running servers). */
async function preparedAt(file, sittingId, at) {
	await sleep(at - Date.now());
	const db = createClient({ url: `file:${file}` });
	try {
		const { rows } = await db.execute({
			sql: 'SELECT count(*) AS n FROM exam_prepared_paper WHERE sitting_id = ?',
			args: [sittingId]
		});
		return Number(rows[0].n);
	} finally {
		db.close();
	}
}

const errorsOf = (s) => Object.values(s.errors).reduce((a, b) => a + b, 0);
const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(v >= 100 ? 0 : 1)} ms` : '—');
const verdict = (ok) => (ok ? 'within target' : 'OVER target');

function summary(figures) {
	const errors = Object.entries(figures)
		.filter(([name]) => name !== 'ceiling')
		.reduce((a, [, s]) => a + errorsOf(s), 0);
	const p99 = (name) => percentile(figures[name].times, 99);
	const percent = (100 * figures.burst.perSecond) / figures.ceiling.perSecond;
	return { errors, saveP99: p99('save'), startP99: p99('start'), percent };
}

function printRun(n, processes, { figures, rss, prepared }) {
	const rows = [
		['login', 'login'],
		['sitting', 'sitting page (before the window)'],
		...(NO_JS
			? [
					['start', 'start (the form action)'],
					['page', 'exam page (after start)']
				]
			: [['start', 'start (with JavaScript: the paper)']]),
		['save', 'save (every ~10 s each)'],
		['burst', `save, ${32} candidates back to back`],
		['submit', 'submit'],
		['trivial', `GET ${TRIVIAL}, steady, meanwhile`],
		['ceiling', `GET ${TRIVIAL}, 32 clients back to back`]
	];
	console.log(
		`\n${n.toLocaleString('en')} candidates, ${processes} app process${processes > 1 ? 'es' : ''} on one database file`
	);
	console.log(
		`papers drawn ahead when the window opened: ${prepared.toLocaleString('en')} of ${n.toLocaleString('en')}`
	);
	console.log(
		`${'step'.padEnd(38)}${'count'.padStart(7)}${'per s'.padStart(8)}${'p50'.padStart(10)}${'p95'.padStart(10)}${'p99'.padStart(10)}  errors`
	);
	for (const [key, label] of rows) {
		const s = figures[key];
		const errs =
			Object.entries(s.errors)
				.map(([k, v]) => `${v} ${k}`)
				.join(', ') || '0';
		console.log(
			`${label.padEnd(38)}${String(s.ok).padStart(7)}${s.perSecond.toFixed(1).padStart(8)}${ms(percentile(s.times, 50)).padStart(10)}${ms(percentile(s.times, 95)).padStart(10)}${ms(percentile(s.times, 99)).padStart(10)}  ${errs}`
		);
	}
	const r = summary(figures);
	const lines = [
		[
			`errors of ${n.toLocaleString('en')} candidates (the target: 2,000 with none)`,
			String(r.errors),
			'0',
			r.errors === 0
		],
		['save p99', ms(r.saveP99), ms(TARGETS.saveP99), r.saveP99 <= TARGETS.saveP99],
		['start p99', ms(r.startP99), ms(TARGETS.startP99), r.startP99 <= TARGETS.startP99],
		[
			`saves/s as a share of GET ${TRIVIAL}/s (both 32 clients)`,
			`${r.percent.toFixed(0)} %`,
			`${TARGETS.savePercent} %`,
			r.percent >= TARGETS.savePercent
		]
	];
	for (const [name, value, target, ok] of lines)
		console.log(`${name.padEnd(58)}${value.padStart(10)}${target.padStart(10)}  ${verdict(ok)}`);
	console.log(
		`${'peak RSS (VmHWM) of each app process'.padEnd(58)}${rss
			.map((m) => `${m.toFixed(0)} MB`)
			.join(', ')
			.padStart(10)}`
	);
}

ensureBuild();
const dir = mkdtempSync(join(tmpdir(), 'xuefa-bench-load-'));
try {
	console.log(
		`exam-day load: logins (each then opening the sitting's page) over the ${600 / SCALE} s before the window opens (the issue's ten minutes, scaled down ${SCALE}×), starts within 10 s of its opening, ${ROUNDS} saves ~10 s apart, then submit; ${NO_JS ? 'browsers without JavaScript' : "phones' browsers with JavaScript (BENCH_LOAD_NOJS=1: without)"}`
	);
	const seeded = await seed(dir, Math.max(...STEPS));
	const lines = [];
	for (const n of STEPS)
		for (const p of PROCESSES) {
			const result = await run(seeded, dir, n, p);
			if (STEPS.length === 1) printRun(n, p, result);
			lines.push({ n, p, ...summary(result.figures), rss: Math.max(...result.rss) });
		}
	if (STEPS.length > 1) {
		console.log(
			`\n${'candidates'.padStart(10)}${'processes'.padStart(11)}${'errors'.padStart(8)}${'save p99'.padStart(10)}${'start p99'.padStart(11)}${'saves/s %'.padStart(11)}${'peak RSS'.padStart(10)}`
		);
		for (const l of lines) {
			const ok =
				l.errors === 0 &&
				l.saveP99 <= TARGETS.saveP99 &&
				l.startP99 <= TARGETS.startP99 &&
				l.percent >= TARGETS.savePercent;
			console.log(
				`${String(l.n).padStart(10)}${String(l.p).padStart(11)}${String(l.errors).padStart(8)}${ms(l.saveP99).padStart(10)}${ms(l.startP99).padStart(11)}${`${l.percent.toFixed(0)} %`.padStart(11)}${`${l.rss.toFixed(0)} MB`.padStart(10)}  ${verdict(ok)}`
			);
		}
	}
} finally {
	rmSync(dir, { recursive: true, force: true });
}
