import { count, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { listQuestionsInput } from '$lib/schemas/banks.ts';
import { jobLease, questionSearchQueue } from '../../db/schema/index.ts';
import { bigramsOf } from '../../search/grams.ts';
import { testDb } from '../../testing/db.ts';
import {
	ctxFor,
	district,
	makeBank,
	makeQuestion,
	makeUser,
	singleChoice
} from '../../testing/factories.ts';
import { listQuestions } from './list.ts';
import { reindexQueued, startSearchReindex } from './reindex.ts';

describe('rewriting the search text of questions saved before it changed', () => {
	it('finds a queued question by its own words only once its text is written again', async () => {
		const db = await testDb();
		const d = await district(db);
		const organiser = await makeUser(db, d.root.id, [['organiser', d.root.id]]);
		const bank = await makeBank(db, d.a.id);
		const ctx = await ctxFor(db, organiser.user.id);
		// how many questions a search finds
		const search = async (q: string) =>
			(await listQuestions(ctx, { ...listQuestionsInput.parse({ q }), bankId: bank.id })).total;
		const question = singleChoice({
			stem: '应当依法行政',
			options: [
				{ id: 'a', text: '机关告知', correct: true },
				{ id: 'b', text: '无需告知', correct: false }
			]
		});
		const ids = [];
		for (let i = 0; i < 120; i++) ids.push(await makeQuestion(db, bank.id, question));
		// as the old search text had it: the stem and the first option run together
		const stale = '应当依法行政机关告知 无需告知';
		await db.run(sql`UPDATE question_fts SET body = ${stale}`);
		await db.run(sql`DELETE FROM question_bigram`);
		for (const id of ids)
			await db.run(
				sql`INSERT INTO question_bigram (rowid, grams) VALUES (${id}, ${bigramsOf(stale)})`
			);
		expect(await search('行政机关')).toBe(120);
		expect(await search('政机')).toBe(120);

		// what the migration does, then rounds of the background job
		await db.run(sql`INSERT INTO question_search_queue (question_id) SELECT id FROM question`);
		expect(await reindexQueued(db, 100)).toBe(100);
		expect(await search('政机')).toBe(20);
		expect(await reindexQueued(db, 100)).toBe(20);
		expect(await search('行政机关')).toBe(0);
		expect(await search('政机')).toBe(0);
		// found by the words it has, one entry per question in each index
		expect(await search('依法行政 机关告知')).toBe(120);
		expect(await search('告知')).toBe(120);
		const [fts] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM question_fts`);
		expect(fts!.n).toBe(120);
		const [queued] = await db.select({ n: count() }).from(questionSearchQueue);
		expect(queued!.n).toBe(0);
		expect(await reindexQueued(db)).toBe(0);
	});

	it('runs in the background until the queue is empty, then stops taking its lease', async () => {
		const db = await testDb();
		const d = await district(db);
		const bank = await makeBank(db, d.a.id);
		for (let i = 0; i < 3; i++) await makeQuestion(db, bank.id, singleChoice());
		await db.run(sql`INSERT INTO question_search_queue (question_id) SELECT id FROM question`);
		const stop = startSearchReindex(db, 10);
		try {
			const queued = async () => (await db.select({ n: count() }).from(questionSearchQueue))[0]!.n;
			await vi.waitFor(async () => expect(await queued()).toBe(0));
			const lease = async () => (await db.select().from(jobLease))[0]?.expiresAt;
			// the round that finds the queue empty, then no more: the lease is no longer renewed (it
			// is waited for, not timed: on a busy machine that round may come late; a job that went
			// on would renew it every 10 ms, and never be seen the same 100 ms apart)
			const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
			let after: Date | undefined;
			await vi.waitFor(
				async () => {
					const before = await lease();
					await pause(100);
					after = await lease();
					expect(after).toEqual(before);
				},
				{ interval: 0, timeout: 10_000 }
			);
			await pause(300);
			expect(await lease()).toEqual(after);
		} finally {
			stop();
		}
	});
});
