import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { createSession, validateSessionToken } from '../../auth/session.ts';
import { type Ctx, transact } from '../../context.ts';
import type { Tx } from '../../db/index.ts';
import { examAnswer } from '../../db/schema/index.ts';
import { testDatabase } from '../../testing/db.ts';
import { attemptRow, candidateCtx, examSetup, publishedSitting } from '../../testing/exams.ts';
import { makeUser } from '../../testing/factories.ts';
import { saveAnswers, startExamAttempt } from './attempts.ts';
import { finishAttempt } from './finish.ts';
import { waitingBatches } from './save-group.ts';

type Setup = Awaited<ReturnType<typeof examSetup>>;

/** `n` candidates of unit A1, each with an attempt started a minute into the sitting. */
async function candidates(s: Setup, n: number) {
	const { sittingId } = await publishedSitting(s);
	const out: { ctx: Ctx; id: number; questions: string[] }[] = [];
	for (let i = 0; i < n; i++) {
		const userId = i === 0 ? s.cadre.user.id : (await makeUser(s.db, s.a1.id)).user.id;
		const ctx = await candidateCtx(s.db, userId, 1);
		const id = await startExamAttempt(ctx, { sittingId, confirm: 'on' });
		const row = await attemptRow(s.db, id);
		out.push({ ctx, id, questions: row!.questionIds });
	}
	return out;
}

const one = (questionId: string, seq: number, choice: string) => ({
	questionId,
	seq,
	response: { type: 'single' as const, choice },
	flagged: false
});

/**
 * Makes `requests` while the process's write queue is held by a transaction of its own, waits
 * until all of them wait for the next transaction (as on a busy server), then lets the held one
 * finish (running `meanwhile` in it first); their results, settled.
 */
async function inOneGroup<T>(
	s: Setup,
	requests: (() => Promise<T>)[],
	meanwhile: (tx: Ctx & { db: Tx }) => Promise<unknown> = async () => {}
) {
	let release!: () => void;
	const gate = new Promise<void>((r) => (release = r));
	const held = transact(s.org, async (tx) => {
		await gate;
		await meanwhile(tx);
	});
	const results = Promise.allSettled(requests.map((r) => r()));
	await vi.waitFor(() => expect(waitingBatches(s.db)).toBe(requests.length));
	release();
	await held;
	return results;
}

/** The values of settled promises that were all fulfilled. */
function values<T>(settled: PromiseSettledResult<T>[]): T[] {
	return settled.map((r) => {
		if (r.status === 'rejected') throw r.reason;
		return r.value;
	});
}

async function stored(s: Setup, attemptId: number, questionId: string) {
	const [row] = await s.db
		.select({ response: examAnswer.response, seq: examAnswer.seq })
		.from(examAnswer)
		.where(and(eq(examAnswer.attemptId, attemptId), eq(examAnswer.questionId, questionId)));
	return row;
}

describe('group commit of answer saves', () => {
	it('writes the saves that arrive during a write in one transaction, each request with its own result', async () => {
		const s = await examSetup();
		const [a, b, c] = await candidates(s, 3);
		await saveAnswers(a!.ctx, {
			attemptId: a!.id,
			saves: [one(a!.questions[0]!, 5, 'C')]
		});
		const begins = vi.spyOn(s.db, 'transaction');
		const [ra, rb, rc] = values(
			await inOneGroup(s, [
				// an older save of a's first answer (kept back) and a new one of a's second
				() =>
					saveAnswers(a!.ctx, {
						attemptId: a!.id,
						saves: [one(a!.questions[0]!, 3, 'A'), one(a!.questions[1]!, 6, 'B')]
					}),
				() => saveAnswers(b!.ctx, { attemptId: b!.id, saves: [one(b!.questions[0]!, 1, 'D')] }),
				() => saveAnswers(c!.ctx, { attemptId: c!.id, saves: [one(c!.questions[2]!, 1, 'A')] })
			])
		);
		// the held write and one more for all three requests
		expect(begins).toHaveBeenCalledTimes(2);
		begins.mockRestore();
		expect(ra).toEqual({
			kind: 'saved',
			saved: [
				// kept back: the server holds another answer, numbered 5
				{ questionId: a!.questions[0], seq: 3, applied: false, held: 5 },
				{ questionId: a!.questions[1], seq: 6, applied: true }
			]
		});
		expect(rb).toEqual({
			kind: 'saved',
			saved: [{ questionId: b!.questions[0], seq: 1, applied: true }]
		});
		expect(rc).toEqual({
			kind: 'saved',
			saved: [{ questionId: c!.questions[2], seq: 1, applied: true }]
		});
		expect(await stored(s, a!.id, a!.questions[0]!)).toEqual({
			response: { type: 'single', choice: 'C' },
			seq: 5
		});
		expect((await stored(s, b!.id, b!.questions[0]!))?.response).toEqual({
			type: 'single',
			choice: 'D'
		});
		expect((await stored(s, c!.id, c!.questions[2]!))?.seq).toBe(1);
	});

	it('answers closed to a save whose attempt was submitted after its request was checked, and saves the rest of its group', async () => {
		const s = await examSetup();
		const [a, b] = await candidates(s, 2);
		const [ra, rb] = values(
			await inOneGroup(
				s,
				[
					() => saveAnswers(a!.ctx, { attemptId: a!.id, saves: [one(a!.questions[0]!, 1, 'A')] }),
					() => saveAnswers(b!.ctx, { attemptId: b!.id, saves: [one(b!.questions[0]!, 1, 'B')] })
				],
				// a is submitted (a proctor, another device, a sweep) in the write the saves wait behind
				(tx) => finishAttempt({ ...tx, now: a!.ctx.now }, a!.id)
			)
		);
		expect(ra).toEqual({ kind: 'closed', state: 'graded', timeUp: false });
		expect(rb).toMatchObject({ kind: 'saved', saved: [{ applied: true }] });
		expect(await stored(s, a!.id, a!.questions[0]!)).toBeUndefined();
		expect((await stored(s, b!.id, b!.questions[0]!))?.seq).toBe(1);
	});

	it('saves the others of a group when one request fails in the write', async () => {
		const { db, client } = await testDatabase();
		const s = await examSetup({ db });
		const [a, b] = await candidates(s, 2);
		// a fault in the database for a's answers only
		await client.execute(
			`CREATE TRIGGER fail_a BEFORE INSERT ON exam_answer WHEN NEW.attempt_id = ${a!.id} BEGIN SELECT RAISE(ABORT, 'disk fault'); END`
		);
		const [ra, rb] = await inOneGroup(s, [
			() => saveAnswers(a!.ctx, { attemptId: a!.id, saves: [one(a!.questions[0]!, 1, 'A')] }),
			() => saveAnswers(b!.ctx, { attemptId: b!.id, saves: [one(b!.questions[0]!, 1, 'B')] })
		]);
		expect(ra!.status).toBe('rejected');
		expect(rb).toMatchObject({
			status: 'fulfilled',
			value: { kind: 'saved', saved: [{ applied: true }] }
		});
		expect((await stored(s, b!.id, b!.questions[0]!))?.response).toEqual({
			type: 'single',
			choice: 'B'
		});
	});

	it('never lets an older sequence number overwrite a newer answer, within a group or across groups', async () => {
		const s = await examSetup();
		const [a] = await candidates(s, 1);
		const q = a!.questions[0]!;
		const save = (seq: number, choice: string) =>
			saveAnswers(a!.ctx, { attemptId: a!.id, saves: [one(q, seq, choice)] });
		const applied = (r: Awaited<ReturnType<typeof save>>) =>
			r.kind === 'saved' && r.saved[0]!.applied;

		// one group: the newer request is written first, the older one after it
		let group = values(await inOneGroup(s, [() => save(7, 'C'), () => save(2, 'A')]));
		expect(group.map(applied)).toEqual([true, false]);

		// one group: the older first, then the newer
		group = values(await inOneGroup(s, [() => save(8, 'A'), () => save(9, 'B')]));
		expect(group.map(applied)).toEqual([true, true]);

		// a later group brings an old save (a retried request, an offline queue sent late)
		expect(applied(await save(5, 'D'))).toBe(false);
		expect(await stored(s, a!.id, q)).toEqual({
			response: { type: 'single', choice: 'B' },
			seq: 9
		});
	});
});

describe('the cost of a save', () => {
	it('is the session check, one short read of the attempt and one transaction of one statement per answer and one for the meters', async () => {
		const { db, client } = await testDatabase();
		const s = await examSetup({ db });
		const [a] = await candidates(s, 1);
		await createSession(db, 'token-of-a', a!.ctx.user.id, a!.ctx.now);
		// the statements of the embedded driver: outside a transaction, and inside one
		const probe = await client.transaction('write');
		const txProto = Object.getPrototypeOf(probe) as { execute: () => unknown };
		await probe.rollback();
		const proto = Object.getPrototypeOf(client) as {
			execute: () => unknown;
			transaction: () => unknown;
		};
		const reads = vi.spyOn(proto, 'execute');
		const transactions = vi.spyOn(proto, 'transaction');
		const written = vi.spyOn(txProto, 'execute');
		try {
			const { user } = await validateSessionToken(db, 'token-of-a', a!.ctx.now);
			expect(user?.id).toBe(a!.ctx.user.id);
			const result = await saveAnswers(a!.ctx, {
				attemptId: a!.id,
				saves: [one(a!.questions[0]!, 1, 'A'), one(a!.questions[1]!, 2, 'B')]
			});
			expect(result).toMatchObject({ kind: 'saved' });
			expect(reads).toHaveBeenCalledTimes(2);
			// the paper (the bulk of the attempt's row) is not read to save an answer
			for (const [stmt] of reads.mock.calls as unknown as [{ sql: string }][])
				expect(stmt.sql).not.toMatch(/"paper"/);
			expect(transactions).toHaveBeenCalledTimes(1);
			// the attempts' states, one statement per answer, then the save meters (one for the group)
			expect(written).toHaveBeenCalledTimes(4);
		} finally {
			reads.mockRestore();
			transactions.mockRestore();
			written.mockRestore();
		}
	});
});
