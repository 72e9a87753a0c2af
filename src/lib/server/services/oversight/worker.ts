// The oversight worker thread's entry: bundled on its own (scripts/workers.mjs) and run by the
// pool in ./recount.ts. It only reads: the counts go back to the thread that asked for them.
import { openReader } from '../../db/index.ts';
import { type YearCounts, countsByUnit } from './counts.ts';
import type { RecountTask } from './recount.ts';

// the connection is kept while the worker lives (one database per app; a test's changes with it)
let open: { url: string; reader: ReturnType<typeof openReader> } | undefined;

export default function recount(task: RecountTask): Promise<YearCounts> {
	if (open?.url !== task.url) {
		open?.reader.close();
		open = { url: task.url, reader: openReader(task.url) };
	}
	return countsByUnit(open.reader.db, '/', task.window);
}
