// Starts the built server on a temporary demo database, uploads a malformed file of each format
// an organiser can upload, and measures GET /login from another client while each is parsed:
// parsing runs on a worker thread, so the request loop must keep answering. Figures only.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';

export const TARGET_MS = 200;
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

/** @returns rows of { label, uploadMs, p99, samples, status } */
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
	const server = spawn('node', ['scripts/start.mjs', '--demo'], {
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
		const login = await fetch(`${origin}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ username: 'organiser', password: 'xuefa2026' })
		});
		const cookie = login.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.join('; ');
		const banks = await (await fetch(`${origin}/banks`, { headers: { cookie } })).text();
		const bankId = /\/banks\/(\d+)/.exec(banks)?.[1];
		if (!bankId) throw new Error('no demo bank found');
		const rows = [];
		for (const f of await files()) {
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
		return rows;
	} finally {
		server.kill();
		rmSync(dir, { recursive: true, force: true });
	}
}
