import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Ctx } from '../../context.ts';
import { examAttempt, question } from '../../db/schema/index.ts';
import { testDatabase } from '../../testing/db.ts';
import { attemptRow, candidateCtx, examSetup, publishedSitting } from '../../testing/exams.ts';
import { makeQuestion, makeUser, singleChoice } from '../../testing/factories.ts';
import { storeQuestion } from '../questions/store.ts';
import { startExamAttempt } from './attempts.ts';

type Setup = Awaited<ReturnType<typeof examSetup>>;

/** A new candidate of unit A1 starts; the stems of the questions on their paper. */
async function drawnStems(s: Setup, sittingId: number) {
	const { user } = await makeUser(s.db, s.a1.id);
	const id = await startExamAttempt(await candidateCtx(s.db, user.id, 1), {
		sittingId,
		confirm: 'on'
	});
	return (await attemptRow(s.db, id)).paper.sections
		.flatMap((x) => x.items.map((i) => i.question.stem))
		.sort();
}

describe('the bank papers are drawn from, kept between starts', () => {
	it('is read again when a question was retired, readied or edited since, in this process or another', async () => {
		// four ready questions, four on every paper: each paper holds the whole ready bank
		const s = await examSetup({ questions: 4 });
		const { sittingId } = await publishedSitting(s);
		const first = await drawnStems(s, sittingId);
		expect(first).toHaveLength(4);

		// another process retires one question and readies a new one (an earlier clock, too)
		const [retired] = s.ready;
		await s.db
			.update(question)
			.set({ status: 'retired', updatedAt: new Date('2020-01-01') })
			.where(eq(question.id, retired!));
		await makeQuestion(s.db, s.bank.id, singleChoice({ stem: '新增题：行政复议期限？' }));
		const second = await drawnStems(s, sittingId);
		expect(second).toContain('新增题：行政复议期限？');
		expect(second).not.toContain('第1题：依法行政？');

		// a question is edited: papers drawn from now on hold its new version
		await s.db.transaction((tx) =>
			storeQuestion(
				{ db: tx, now: new Date('2020-01-01'), user: null },
				s.bank.id,
				singleChoice({ stem: '第2题（修订）：依法行政？' }),
				{ questionId: s.ready[1]! }
			)
		);
		const third = await drawnStems(s, sittingId);
		expect(third).toContain('第2题（修订）：依法行政？');
		expect(third).not.toContain('第2题：依法行政？');
	});

	it('is read once for many starts while it does not change, also by starts at the same moment', async () => {
		const { db, client } = await testDatabase();
		const s = await examSetup({ db });
		const { sittingId } = await publishedSitting(s);
		const people: Ctx[] = [];
		for (let i = 0; i < 4; i++)
			people.push(await candidateCtx(s.db, (await makeUser(s.db, s.a1.id)).user.id, 1));
		const reads = vi.spyOn(client, 'execute');
		try {
			// three press start as the window opens, one a little later
			const start = (ctx: Ctx) => startExamAttempt(ctx, { sittingId, confirm: 'on' });
			await Promise.all(people.slice(0, 3).map(start));
			await start(people[3]!);
			const bankReads = (reads.mock.calls as unknown as [{ sql: string }][]).filter(([stmt]) =>
				/from "question" inner join "question_version"/i.test(stmt.sql)
			);
			expect(bankReads).toHaveLength(1);
			expect(await s.db.$count(examAttempt)).toBe(4);
		} finally {
			reads.mockRestore();
		}
	});
});
