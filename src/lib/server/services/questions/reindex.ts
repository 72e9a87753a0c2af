/**
 * Writes again the search text of the questions in `question_search_queue`, a chunk per write
 * transaction, in the background: a migration fills the queue when the way search text is made
 * changes (each text rendered on its own), and a bank of 100,000 questions would take too long to
 * rewrite while the app starts.
 */
import { inArray, sql } from 'drizzle-orm';
import { write } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { question, questionSearchQueue, questionVersion } from '../../db/schema/index.ts';
import { startLeasedJob } from '../../jobs/periodic.ts';
import { bigramsOf } from '../../search/grams.ts';
import { currentVersionJoin, searchText } from './store.ts';

const LEASE = 'question.search_reindex';
// small enough that one chunk's write transaction never holds other writers back for long
const CHUNK = 50;

/**
 * Reindexes up to `limit` queued questions from their current versions; returns how many. Each
 * chunk is read under the write lock, so that a question saved meanwhile is never given the text
 * of the version before.
 */
export async function reindexQueued(db: Db, limit = 500): Promise<number> {
	let done = 0;
	while (done < limit) {
		const n = await write(db, async (tx) => {
			const queued = await tx
				.select({ id: questionSearchQueue.questionId })
				.from(questionSearchQueue)
				.limit(Math.min(CHUNK, limit - done));
			if (queued.length === 0) return 0;
			const ids = queued.map((q) => q.id);
			const rows = await tx
				.select({ id: question.id, data: questionVersion.data })
				.from(question)
				.innerJoin(questionVersion, currentVersionJoin)
				.where(inArray(question.id, ids));
			for (const { id, data } of rows) {
				const body = searchText(data);
				await tx.run(sql`DELETE FROM question_fts WHERE rowid = ${id}`);
				await tx.run(sql`DELETE FROM question_bigram WHERE rowid = ${id}`);
				await tx.run(sql`INSERT INTO question_fts (rowid, body) VALUES (${id}, ${body})`);
				await tx.run(
					sql`INSERT INTO question_bigram (rowid, grams) VALUES (${id}, ${bigramsOf(body)})`
				);
			}
			await tx.delete(questionSearchQueue).where(inArray(questionSearchQueue.questionId, ids));
			return ids.length;
		});
		if (n === 0) break;
		done += n;
		// other requests run between chunks
		await new Promise((resolve) => setImmediate(resolve));
	}
	return done;
}

/**
 * Starts this process's background reindexing: every `everyMs`, if it holds (or can take) the
 * lease, until a round finds the queue empty (only a migration fills it, before the app starts).
 * The timer does not keep the process alive.
 */
export function startSearchReindex(db: Db, everyMs = 15_000): () => void {
	return startLeasedJob(db, {
		lease: LEASE,
		everyMs,
		leaseMs: everyMs * 4,
		run: () => reindexQueued(db),
		done: 'question search text rewritten',
		failed: 'question search reindex failed',
		untilIdle: true
	});
}
