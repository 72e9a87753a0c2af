// The upload worker thread's entry: bundled on its own (scripts/workers.mjs) and run by
// the pool in ./pool.ts.
import { runTask } from './tasks.ts';

export default runTask;
