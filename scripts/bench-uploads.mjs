// Starts the built server on a temporary demo database, uploads a malformed file of each format
// an organiser can upload, and measures GET /login from another client while each is parsed:
// parsing runs on a worker thread, so the request loop must keep answering. Figures only.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { benchGoodUploads } from './bench/good-uploads.mjs';

export const TARGET_MS = 200;
/** GET /healthz while a good file at its size limit is previewed or imported (p99). */
export const HEALTHZ_TARGET_MS = 100;
const MB = 1024 * 1024;

function freePort() {
	return new Promise((resolve) => {
		const s = createServer().listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

/** 5,000 rows (the limit) of 12 KB cells with an unknown 题型: ~60 MB of sheet XML to stream. */
async function badXlsx() {
	const cell = (r, c, t) => `<c r="${c}${r}" t="inlineStr"><is><t>${t}</t></is></c>`;
	const rows = [`<row r="1">${cell(1, 'A', '题型')}${cell(1, 'B', '题干')}</row>`];
	const long = '条'.repeat(4000);
	for (let r = 2; r <= 5001; r++)
		rows.push(`<row r="${r}">${cell(r, 'A', '坏')}${cell(r, 'B', long)}</row>`);
	const zip = new JSZip();
	zip.file(
		'xl/workbook.xml',
		'<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>'
	);
	zip.file(
		'xl/_rels/workbook.xml.rels',
		'<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'
	);
	zip.file(
		'xl/worksheets/sheet1.xml',
		`<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`
	);
	return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const repeat = (unit, bytes) => unit.repeat(Math.floor(bytes / Buffer.byteLength(unit)));

/** The files: each malformed in the way that once took the server down or stalled it. */
async function files() {
	return [
		{
			label: 'xlsx (5,000 bad rows, 60 MB unpacked)',
			route: 'bank',
			name: 'bad.xlsx',
			bytes: await badXlsx()
		},
		{
			label: 'csv (5,000 bad rows)',
			route: 'bank',
			name: 'bad.csv',
			bytes: Buffer.from(`题型,题干\n${repeat(`坏,${'x'.repeat(1040)}\n`, 5 * MB - 100)}`)
		},
		{
			label: 'GIFT ({~a~a…})',
			route: 'bank',
			name: 'bad.gift',
			bytes: Buffer.from(`q {${repeat('~a', 5 * MB - 10)}}`)
		},
		{
			label: 'Aiken (a million options)',
			route: 'bank',
			name: 'bad.aiken',
			bytes: Buffer.from(`q\n${repeat('A. x\n', 5 * MB - 10)}`)
		},
		{
			label: 'text sniff (blank lines)',
			route: 'bank',
			name: 'bad.txt',
			bytes: Buffer.from(repeat('\n', 5 * MB))
		},
		{
			label: 'statute text (2 MB limit)',
			route: 'law',
			name: 'bad.txt',
			bytes: Buffer.from(repeat('第一条\n', 2 * MB - 10))
		}
	];
}

const p99 = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)] ?? NaN;
};

/** Whether a part of this benchmark runs: all by default, `NAME=0` skips one. */
const only = (name) => process.env[name] !== '0';

/**
 * @returns `malformed`: rows of { label, uploadMs, p99, samples, status }; `good`: rows of
 * { label, ms, samples, outcome } (./bench/good-uploads.mjs)
 */
export async function benchUploads() {
	if (!existsSync('build/index.js')) {
		console.log('building the app for the upload benchmark…');
		await new Promise((resolve, reject) =>
			spawn('npm', ['run', 'build'], { stdio: 'ignore' }).on('exit', (c) =>
				c === 0 ? resolve() : reject(new Error('build failed'))
			)
		);
	}
	const port = await freePort();
	const origin = `http://localhost:${port}`;
	const dir = mkdtempSync(join(tmpdir(), 'xuefa-bench-db-'));
	// BENCH_SERVER_NODE_ARGS: node options for the server alone, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`
	const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
	const server = spawn(process.execPath, [...nodeArgs, 'scripts/start.mjs', '--demo'], {
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: origin,
			DATABASE_URL: `file:${join(dir, 'bench.db')}`
		},
		stdio: 'ignore'
	});
	try {
		for (let i = 0; ; i++) {
			if (i > 600) throw new Error('the server did not start');
			const ok = await fetch(`${origin}/login`).then(
				(r) => r.ok,
				() => false
			);
			if (ok) break;
			await new Promise((r) => setTimeout(r, 200));
		}
		const login = async (username) => {
			const res = await fetch(`${origin}/login`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ username, password: 'xuefa2026' })
			});
			return res.headers
				.getSetCookie()
				.map((c) => c.split(';')[0])
				.join('; ');
		};
		const cookie = await login('organiser');
		const banks = await (await fetch(`${origin}/banks`, { headers: { cookie } })).text();
		const bankId = /\/banks\/(\d+)/.exec(banks)?.[1];
		if (!bankId) throw new Error('no demo bank found');
		const rows = [];
		for (const f of only('BENCH_UPLOADS_BAD') ? await files() : []) {
			const form = new FormData();
			form.set('file', new Blob([f.bytes]), f.name);
			form.set('format', 'auto');
			const url =
				f.route === 'bank'
					? `${origin}/banks/${bankId}/import?/preview`
					: `${origin}/laws/import?/preview`;
			const started = performance.now();
			let done = false;
			const upload = fetch(url, {
				method: 'POST',
				headers: { origin, cookie, accept: 'application/json', 'x-sveltekit-action': 'true' },
				body: form
			})
				.then(async (r) => ({ status: r.status, body: await r.text() }))
				.finally(() => (done = true));
			const samples = [];
			while (!done) {
				const t = performance.now();
				await fetch(`${origin}/login`).then((r) => r.arrayBuffer());
				samples.push(performance.now() - t);
			}
			const { status, body } = await upload;
			rows.push({
				label: `${f.label}, ${(f.bytes.length / MB).toFixed(1)} MB`,
				uploadMs: performance.now() - started,
				p99: p99(samples),
				samples: samples.length,
				status,
				size: body.length,
				body: process.env.BENCH_DEBUG ? body.slice(0, 300) : undefined
			});
		}
		const good = only('BENCH_UPLOADS_GOOD') ? await benchGoodUploads(origin, login, bankId) : [];
		return { malformed: rows, good };
	} finally {
		// SIGINT: the server closes and exits by itself (a CPU profile, when asked for, is written)
		server.kill('SIGINT');
		rmSync(dir, { recursive: true, force: true });
	}
}

const ms = (v) => (v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`);

/** Prints the figures of `benchUploads` beside their targets. */
export function printUploads({ malformed, good }, fmt = ms) {
	if (malformed.length > 0) {
		const uw = Math.max(...malformed.map((u) => u.label.length));
		console.log(
			`\n${'while parsing'.padEnd(uw)}  ${'parse'.padStart(8)}  ${'GET /login p99'.padStart(14)}  ${'target'.padStart(8)}  samples  answer`
		);
		for (const u of malformed) {
			const verdict = u.p99 <= TARGET_MS ? 'within target' : 'OVER target';
			console.log(
				`${u.label.padEnd(uw)}  ${fmt(u.uploadMs).padStart(8)}  ${fmt(u.p99).padStart(14)}  ${fmt(TARGET_MS).padStart(8)}  ${String(u.samples).padStart(7)}  HTTP ${u.status}, ${(u.size / 1024).toFixed(0)} KB  ${verdict}`
			);
		}
	}
	if (good.length > 0) {
		const gw = Math.max(...good.map((u) => u.label.length));
		console.log(
			`\n${'while importing'.padEnd(gw)}  ${'took'.padStart(8)}  ${'GET /healthz p99'.padStart(16)}  ${'max'.padStart(8)}  ${'target'.padStart(8)}  samples  outcome`
		);
		for (const u of good) {
			const p = p99(u.samples);
			const verdict = p <= HEALTHZ_TARGET_MS ? 'within target' : 'OVER target';
			console.log(
				`${u.label.padEnd(gw)}  ${fmt(u.ms).padStart(8)}  ${fmt(p).padStart(16)}  ${fmt(Math.max(...u.samples)).padStart(8)}  ${fmt(HEALTHZ_TARGET_MS).padStart(8)}  ${String(u.samples.length).padStart(7)}  ${u.outcome}  ${verdict}`
			);
		}
	}
}

// `node scripts/bench-uploads.mjs`: this part alone, on the existing build/
if (import.meta.url === `file://${process.argv[1]}`) printUploads(await benchUploads());
