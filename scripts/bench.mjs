// Runs the benchmarks of @xuefa/core and prints each median beside the target the issues set,
// then the database benchmarks on the built app (scripts/bench-db.mjs; BENCH_DB=0 skips them).
// Figures only: nothing here fails a build (timings depend on the machine and its load).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDbBench } from './bench-db.mjs';

/** Targets in milliseconds, by a word of the benchmark's name. */
const TARGETS = [
	[/assemble a 100-question paper/, 5],
	[/grade a 100-question attempt/, 0.5],
	[/parse 10,000 GIFT/, 1000],
	[/item statistics over 10,000/, 1000],
	[/checkPromotion over a person with 200/, 0.05],
	[/a year of weekly sessions/, 1],
	[/verifyChain, injected node:crypto/, 5000]
];

const out = join(mkdtempSync(join(tmpdir(), 'xuefa-bench-')), 'bench.json');
execFileSync('npx', ['vitest', 'bench', '--run', '--project', 'core', '--outputJson', out], {
	stdio: ['ignore', 'ignore', 'inherit']
});
const report = JSON.parse(readFileSync(out, 'utf8'));
const rows = report.files.flatMap((f) =>
	f.groups.flatMap((g) =>
		g.benchmarks.map((b) => ({ name: b.name, median: b.median, n: b.sampleCount }))
	)
);
const fmt = (ms) =>
	ms >= 100
		? `${ms.toFixed(0)} ms`
		: ms >= 1
			? `${ms.toFixed(2)} ms`
			: `${(ms * 1000).toFixed(1)} µs`;
const width = Math.max(...rows.map((r) => r.name.length));
console.log(
	`${'benchmark'.padEnd(width)}  ${'median'.padStart(10)}  ${'target'.padStart(10)}  samples`
);
for (const r of rows) {
	const target = TARGETS.find(([re]) => re.test(r.name))?.[1];
	const verdict =
		target === undefined ? '' : r.median <= target ? '  within target' : '  OVER target';
	console.log(
		`${r.name.padEnd(width)}  ${fmt(r.median).padStart(10)}  ${(target === undefined ? '—' : fmt(target)).padStart(10)}  ${String(r.n).padStart(7)}${verdict}`
	);
}

if (process.env.BENCH_DB !== '0') {
	const db = await runDbBench();
	const w = Math.max(...db.map((r) => r.name.length));
	console.log(
		`\n${'database, two app processes'.padEnd(w)}  ${'figure'.padStart(10)}  ${'target'.padStart(10)}`
	);
	for (const r of db) {
		const show = (v) => (r.unit === 'ms' ? fmt(v) : String(v));
		const verdict =
			r.target === undefined ? '' : r.value <= r.target ? '  within target' : '  OVER target';
		console.log(
			`${r.name.padEnd(w)}  ${show(r.value).padStart(10)}  ${(r.target === undefined ? '—' : show(r.target)).padStart(10)}${verdict}`
		);
	}
}
