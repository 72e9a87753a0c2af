/**
 * The oversight pages on a district of the size (200 units, 20,000 people, 1,000,000 exam
 * attempts, 500,000 attendance rows; `BENCH_OVERSIGHT_SCALE` scales the people and rows): the
 * district dashboard and the year-end assessment, each one service call as a page load makes it
 * (reading the stored counts, after the first view has counted them), and counting the district's
 * year afresh, which a stale view has done in the background, with the longest the main thread's
 * event loop was held meanwhile (the count runs on a worker thread: other requests go on).
 * The district is generated once into a temporary embedded database (kept in node_modules/.cache,
 * keyed by the sizes, the migrations and the generator) and each run works on a copy. vitest's
 * report has no p95, so the dashboard's own timings are written beside it for `npm run bench`.
 */
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, bench, describe } from 'vitest';
import { openDatabase } from '../db/index.ts';
import { refreshSnapshot } from '../services/oversight/snapshot.ts';
import { assessment, dashboard } from '../services/oversight/view.ts';
import { exportPeople } from '../services/people/export.ts';
import { streamWorkbook } from '../spreadsheet/index.ts';
import { ctxFor } from '../testing/factories.ts';
import { cachedDatabase } from './cached-db.ts';
import { buildDistrict, districtSize } from './oversight-district.ts';

// knobs of this benchmark, not settings of the app
// eslint-disable-next-line no-restricted-properties
const SCALE = Number(process.env.BENCH_OVERSIGHT_SCALE ?? 1);
// eslint-disable-next-line no-restricted-properties
const TIMINGS = process.env.BENCH_OVERSIGHT_TIMINGS;
const size = districtSize(SCALE);
const NOW = new Date('2026-12-20T10:00:00+08:00');

const { db, fixture, close } = await cachedDatabase({
	name: 'oversight',
	key: [JSON.stringify(size)],
	files: ['./src/lib/server/bench/oversight-district.ts'],
	build: async (file) => {
		process.stderr.write(`generating the oversight district (${JSON.stringify(size)}), once…\n`);
		const { db, client } = await openDatabase(`file:${file}`, { migrationsFolder: './drizzle' });
		const started = performance.now();
		const ids = await buildDistrict(db, client, size);
		await client.execute('ANALYZE');
		await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
		client.close();
		const seconds = ((performance.now() - started) / 1000).toFixed(0);
		process.stderr.write(`generated it in ${seconds} s\n`);
		return ids;
	}
});
const organiser = await ctxFor(db, fixture.organiserId, NOW);
const dashboardTimes: number[] = [];
// the main thread's longest event-loop delay during each recount, in ms
const recountLoopDelays: number[] = [];
const exportRuns: {
	ms: number;
	rows: number;
	bytes: number;
	peakRss: number;
	peakHeap: number;
	startRss: number;
}[] = [];

/**
 * The people list of the whole district exported as a browser would receive it, with the process's
 * memory sampled meanwhile (every 10 ms): the peak resident size and heap, and the size before.
 */
async function exportAll() {
	const sample = () => process.memoryUsage();
	const start = sample();
	let peakRss = start.rss;
	let peakHeap = start.heapUsed;
	const timer = setInterval(() => {
		const m = sample();
		peakRss = Math.max(peakRss, m.rss);
		peakHeap = Math.max(peakHeap, m.heapUsed);
	}, 10);
	const t = performance.now();
	const list = await exportPeople(organiser, { q: '', unitId: undefined });
	let bytes = 0;
	for await (const chunk of streamWorkbook(list)) bytes += (chunk as Buffer).length;
	const ms = performance.now() - t;
	clearInterval(timer);
	exportRuns.push({ ms, rows: list.rows, bytes, peakRss, peakHeap, startRss: start.rss });
}

afterAll(() => {
	if (TIMINGS)
		writeFileSync(
			TIMINGS,
			JSON.stringify({
				dashboard: dashboardTimes,
				export: exportRuns,
				recountLoopDelay: recountLoopDelays
			})
		);
	close();
});

describe(`a district of ${size.people.toLocaleString('en')} people`, () => {
	bench(
		'oversight: district dashboard',
		async () => {
			const t = performance.now();
			await dashboard(organiser, { year: 2026 });
			dashboardTimes.push(performance.now() - t);
		},
		{ iterations: 20, time: 0, warmupIterations: 2 }
	);
	bench(
		'oversight: year-end assessment',
		async () => {
			await assessment(organiser, { year: 2026 });
		},
		{ iterations: 5, time: 0, warmupIterations: 1 }
	);
	bench(
		'oversight: count the district’s year afresh (in the background, at most every 10 minutes)',
		async () => {
			const delay = monitorEventLoopDelay({ resolution: 5 });
			delay.enable();
			await refreshSnapshot(db, 2026, NOW);
			delay.disable();
			recountLoopDelays.push(delay.max / 1e6);
		},
		// the warm-up starts the worker thread (and, outside a build, bundles it)
		{ iterations: 3, time: 0, warmupIterations: 1 }
	);
	bench('export: the people list as .xlsx, streamed', exportAll, {
		iterations: 3,
		time: 0,
		warmupIterations: 0
	});
});
