/**
 * Where a year's oversight counts are counted. The embedded database's driver is synchronous:
 * counted on the request thread, a district's year (every attendance, practice and exam row of it,
 * about 2 s at 20,000 people) would hold every other request of this process that long. So on an
 * embedded database the counting runs on a worker thread with a connection of its own; a libSQL
 * server's I/O is asynchronous and holds nothing, so there the same queries run here.
 *
 * The worker only reads and hands the counts back; the caller writes them (snapshot.ts) in one
 * short transaction through `transact`. Letting the worker write was the other way: but the
 * process's write queue (context.ts) does not reach another thread, so its write would meet this
 * thread's writes as another process's do (a synchronous busy wait on one side, retries), and
 * the write rule would have a second home. The counts are a row per unit, written in
 * milliseconds; one writer per process keeps the rule in one place.
 */
import type { ReadDb } from '../../db/index.ts';
import { embeddedUrlOf } from '../../db/index.ts';
import { workerPool } from '../../workers/pool.ts';
import { type YearCounts, type YearWindow, countsByUnit } from './counts.ts';

/** What the worker is asked: the year of the database at `url`. */
export interface RecountTask {
	url: string;
	window: YearWindow;
}

const getPool = workerPool('oversight', {
	// one core counts, the other keeps serving requests; several years asked at once queue
	minThreads: 0,
	maxThreads: 1,
	idleTimeout: 60_000
});

/** Counts the year `w` of every unit on the worker thread, through its own connection to `url`. */
export async function recountInWorker(url: string, w: YearWindow): Promise<YearCounts> {
	const task: RecountTask = { url, window: w };
	return (await (await getPool()).run(task)) as YearCounts;
}

/** Counts the year `w` of every unit: on the worker for an embedded database, here otherwise. */
export function countYear(db: ReadDb, w: YearWindow): Promise<YearCounts> {
	const url = embeddedUrlOf(db);
	return url === null ? countsByUnit(db, '/', w) : recountInWorker(url, w);
}
