import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { transact } from '../../context.ts';
import { examAttempt, examPaper, examPreparedPaper, jobLease } from '../../db/schema/index.ts';
import { attemptWithPaper, paperOfAttempt } from './attempt-paper.ts';
import { at, candidateCtx, examSetup, publishedSitting } from '../../testing/exams.ts';
import { makeUser } from '../../testing/factories.ts';
import { startExamAttempt } from './attempts.ts';
import { preparePapers } from './prepare.ts';
import { startInGroup, waitingStarts } from './start-group.ts';

type Setup = Awaited<ReturnType<typeof examSetup>>;

/**
 * Makes `requests` while the process's write queue is held by a transaction of its own, waits
 * until all of them wait for the next transaction (as on a busy server), then lets it go.
 */
async function inOneGroup<T>(s: Setup, requests: (() => Promise<T>)[]) {
	let release!: () => void;
	const gate = new Promise<void>((r) => (release = r));
	const held = transact(s.org, () => gate);
	const results = Promise.allSettled(requests.map((r) => r()));
	await vi.waitFor(() => expect(waitingStarts(s.db)).toBe(requests.length));
	release();
	await held;
	return results;
}

describe('group commit of exam starts', () => {
	it('writes the starts that arrive during a write in one transaction, each with its own paper', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		// the cadre has a paper prepared; two colleagues join the roster later and have none
		await preparePapers(s.db, at(-10));
		const [prepared] = await s.db.select().from(examPreparedPaper);
		const others = [await makeUser(s.db, s.a1.id), await makeUser(s.db, s.a1.id)];
		const ctxs = [
			await candidateCtx(s.db, s.cadre.user.id, 1),
			...(await Promise.all(others.map((o) => candidateCtx(s.db, o.user.id, 1))))
		];
		const begins = vi.spyOn(s.db, 'transaction');
		const settled = await inOneGroup(
			s,
			ctxs.map((ctx) => () => startExamAttempt(ctx, { sittingId, confirm: 'on' }))
		);
		// the held write, one more for all three starts (the cadre's takes the prepared paper), and
		// one for the two papers drawn then, outside the write lock
		expect(begins).toHaveBeenCalledTimes(3);
		begins.mockRestore();
		const ids = settled.map((r) => (r.status === 'fulfilled' ? r.value : null));
		expect(new Set(ids).size).toBe(3);
		const rows = await s.db
			.select(attemptWithPaper)
			.from(examAttempt)
			.innerJoin(examPaper, paperOfAttempt);
		expect(rows.map((r) => r.personId).sort()).toEqual(
			[s.cadre.person.id, ...others.map((o) => o.person.id)].sort()
		);
		// the prepared paper itself, not a copy
		expect(rows.find((r) => r.personId === s.cadre.person.id)!.paperId).toBe(prepared!.paperId);
		const views = await s.db.select({ view: examPaper.view }).from(examPaper);
		expect(rows.every((r) => r.state === 'in_progress' && r.questionIds.length > 0)).toBe(true);
		expect(views.length === rows.length && views.every((v) => v.view !== null)).toBe(true);
	});

	it('a start that fails rolls back only its own writes and gets its own error', async () => {
		const s = await examSetup();
		const lease = (name: string) => ({ name, holder: 'test', expiresAt: at(0) });
		const settled = await inOneGroup(s, [
			() => startInGroup(s.db, (tx) => tx.insert(jobLease).values(lease('first'))),
			() =>
				startInGroup(s.db, async (tx) => {
					await tx.insert(jobLease).values(lease('second'));
					throw new Error('refused');
				}),
			() => startInGroup(s.db, (tx) => tx.insert(jobLease).values(lease('third')))
		]);
		expect(settled.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect((settled[1] as PromiseRejectedResult).reason).toMatchObject({ message: 'refused' });
		const names = (await s.db.select().from(jobLease)).map((l) => l.name).sort();
		expect(names).toEqual(['first', 'third']);
		expect(await s.db.select().from(jobLease).where(eq(jobLease.name, 'second'))).toEqual([]);
	});
});
