import { and, eq, getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { RuleError } from '@xuefa/core';
import { openDatabase } from '../../db/index.ts';
import { examAttempt, examPaper, examPreparedPaper, question } from '../../db/schema/index.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import { closeAfterTest, testDatabase } from '../../testing/db.ts';
import {
	answerEvery,
	at,
	attemptRow,
	candidateCtx,
	examSetup,
	publishedSitting
} from '../../testing/exams.ts';
import {
	makePracticeAnswers,
	makeQuestion,
	makeUser,
	singleChoice
} from '../../testing/factories.ts';
import { startExamAttempt, submitExamAttempt } from './attempts.ts';
import { preparePapers } from './prepare.ts';
import { attemptPaper, myExams, sittingForCandidate } from './view.ts';

type Setup = Awaited<ReturnType<typeof examSetup>>;

/** Whether the paper `id` is still kept. */
async function kept(s: Setup, id: number) {
	return (
		(await s.db.select({ id: examPaper.id }).from(examPaper).where(eq(examPaper.id, id))).length ===
		1
	);
}

/** The papers prepared in a sitting, by person. */
async function preparedIn(s: Setup, sittingId: number) {
	const rows = await s.db
		.select({ ...getTableColumns(examPreparedPaper), ...getTableColumns(examPaper) })
		.from(examPreparedPaper)
		.innerJoin(examPaper, eq(examPaper.id, examPreparedPaper.paperId))
		.where(eq(examPreparedPaper.sittingId, sittingId));
	return new Map(rows.map((r) => [r.personId, r]));
}

const startInput = (sittingId: number, deviceId?: string) => ({
	sittingId,
	confirm: 'on' as const,
	...(deviceId ? { deviceId } : {})
});

describe('papers drawn ahead of the window', () => {
	it('are drawn for the roster of a sitting opening soon, and the start takes exactly that paper', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		// ten minutes before the window (it opens at T0): the cadre of A1 gets one, the outsider none
		expect(await preparePapers(s.db, at(-10))).toBe(1);
		const prepared = (await preparedIn(s, sittingId)).get(s.cadre.person.id)!;
		expect(prepared.questionIds).toHaveLength(4);
		// a second round finds nothing left to do
		expect(await preparePapers(s.db, at(-9))).toBe(0);

		const ctx = await candidateCtx(s.db, s.cadre.user.id, 1);
		const id = await startExamAttempt(ctx, startInput(sittingId));
		const row = await attemptRow(s.db, id);
		expect(row).toMatchObject({
			state: 'in_progress',
			number: 1,
			paperId: prepared.paperId,
			seed: prepared.seed,
			paper: prepared.paper,
			questionIds: prepared.questionIds,
			startedAt: at(1)
		});
		// the deadline runs from the start, not from the drawing
		expect(row.deadline).toEqual(at(1 + 120 - 1));
		// no longer prepared, and its paper is the attempt's
		expect((await preparedIn(s, sittingId)).size).toBe(0);
		expect(await kept(s, prepared.paperId)).toBe(true);

		// the exam page shows that paper, in its order, without keys
		const page = await attemptPaper(ctx, id);
		expect(page.open && page.items.map((i) => i.questionId)).toEqual(prepared.questionIds);
		expect(JSON.stringify(page)).not.toMatch(/"correct"|explanation/);
	});

	it('is not used once the bank has changed: the start draws from the bank as it is', async () => {
		// four questions, four on every paper: a paper holds the whole ready bank
		const s = await examSetup({ questions: 4 });
		const { sittingId } = await publishedSitting(s);
		await preparePapers(s.db, at(-10));
		const prepared = (await preparedIn(s, sittingId)).get(s.cadre.person.id)!;
		const [retired] = s.ready;
		await s.db.update(question).set({ status: 'retired' }).where(eq(question.id, retired!));
		const added = await makeQuestion(s.db, s.bank.id, singleChoice({ stem: '新增题' }));

		const id = await startExamAttempt(
			await candidateCtx(s.db, s.cadre.user.id, 1),
			startInput(sittingId)
		);
		const row = await attemptRow(s.db, id);
		expect(row.seed).not.toBe(prepared.seed);
		expect(row.questionIds).toContain(String(added));
		expect(row.questionIds).not.toContain(String(retired));
		// the stale paper nobody will take is gone with its row
		expect((await preparedIn(s, sittingId)).size).toBe(0);
		expect(await kept(s, prepared.paperId)).toBe(false);
	});

	it('a stale paper is drawn again by the next round', async () => {
		const s = await examSetup({ questions: 4 });
		const { sittingId } = await publishedSitting(s);
		await preparePapers(s.db, at(-10));
		const before = (await preparedIn(s, sittingId)).get(s.cadre.person.id)!;
		const added = await makeQuestion(s.db, s.bank.id, singleChoice({ stem: '新增题' }));
		await s.db.update(question).set({ status: 'retired' }).where(eq(question.id, s.ready[0]!));
		expect(await preparePapers(s.db, at(-5))).toBe(1);
		const after = (await preparedIn(s, sittingId)).get(s.cadre.person.id)!;
		expect(after.signature).not.toBe(before.signature);
		expect(after.questionIds).toContain(String(added));
		// the paper it replaced is gone
		expect(await kept(s, before.paperId)).toBe(false);
		expect(await kept(s, after.paperId)).toBe(true);
	});

	it('are not drawn for sittings far ahead, closed, or for people who have started', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		// two hours before, with a window of thirty minutes ahead: nothing yet
		expect(await preparePapers(s.db, at(-120))).toBe(0);
		// the window is open and the cadre has started: only a colleague who has not gets one
		await startExamAttempt(await candidateCtx(s.db, s.cadre.user.id, 1), startInput(sittingId));
		const colleague = await makeUser(s.db, s.a1.id);
		expect(await preparePapers(s.db, at(2))).toBe(1);
		expect([...(await preparedIn(s, sittingId)).keys()]).toEqual([colleague.person.id]);
		const untaken = (await preparedIn(s, sittingId)).get(colleague.person.id)!;
		// closed (the sitting ends at T0 + 2 h): none drawn, and the one nobody took is gone
		expect(await preparePapers(s.db, at(121))).toBe(0);
		expect((await preparedIn(s, sittingId)).size).toBe(0);
		expect(await kept(s, untaken.paperId)).toBe(false);
	});

	it('never reach the candidate before the start: not on my exams nor on the sitting page', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		await preparePapers(s.db, at(-10));
		const prepared = (await preparedIn(s, sittingId)).get(s.cadre.person.id)!;
		const stems = prepared.paper.sections.flatMap((x) => x.items.map((i) => i.question.stem));
		for (const minutes of [-10, 1]) {
			const ctx = await candidateCtx(s.db, s.cadre.user.id, minutes);
			for (const seen of [await myExams(ctx), await sittingForCandidate(ctx, sittingId)]) {
				const text = JSON.stringify(seen);
				for (const stem of stems) expect(text).not.toContain(stem);
				expect(text).not.toContain(prepared.seed);
			}
		}
	});
});

describe('the start rules, with a paper prepared', () => {
	it('refuses before the window and after it, and the paper stays unused', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		await preparePapers(s.db, at(-10));
		for (const minutes of [-5, 121]) {
			const refused = await startExamAttempt(
				await candidateCtx(s.db, s.cadre.user.id, minutes),
				startInput(sittingId)
			).catch((e: unknown) => e);
			expect(refused).toBeInstanceOf(RuleError);
		}
		expect(await s.db.select().from(examAttempt)).toEqual([]);
		expect((await preparedIn(s, sittingId)).size).toBe(1);
	});

	it('refuses someone not on the roster even if a paper was kept for them', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		await preparePapers(s.db, at(-10));
		const prepared = (await preparedIn(s, sittingId)).get(s.cadre.person.id)!;
		// a paper for the outsider (say, taken off the roster after it was drawn)
		const [own] = await s.db
			.insert(examPaper)
			.values({ ...prepared, id: undefined, seed: 'outsider' })
			.returning({ id: examPaper.id });
		await s.db.insert(examPreparedPaper).values({
			sittingId,
			personId: s.outsider.person.id,
			signature: prepared.signature,
			paperId: own!.id,
			preparedAt: prepared.preparedAt
		});
		const refused = await startExamAttempt(
			await candidateCtx(s.db, s.outsider.user.id, 1),
			startInput(sittingId)
		).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(NotFoundError);
		expect(await s.db.select().from(examAttempt)).toEqual([]);
	});

	it('refuses a retake the rules do not allow, and a cadre short of credits', async () => {
		const s = await examSetup();
		// one attempt only
		const one = await publishedSitting(s, { maxAttempts: '1' });
		await preparePapers(s.db, at(-10));
		const ctx = await candidateCtx(s.db, s.cadre.user.id, 1);
		const id = await startExamAttempt(ctx, startInput(one.sittingId));
		await answerEvery(ctx, id, false);
		await submitExamAttempt(ctx, { attemptId: id });
		// a paper prepared again for the next attempt (as if drawn before the first was written)
		await preparePapers(s.db, at(-10));
		const [paper] = await s.db
			.select()
			.from(examPaper)
			.where(eq(examPaper.id, (await attemptRow(s.db, id)).paperId));
		const [again] = await s.db
			.insert(examPaper)
			.values({ ...paper!, id: undefined, seed: 'again' })
			.returning({ id: examPaper.id });
		await s.db.insert(examPreparedPaper).values({
			sittingId: one.sittingId,
			personId: s.cadre.person.id,
			signature: (await preparedSignature(s)) ?? '',
			paperId: again!.id,
			preparedAt: at(-10)
		});
		const refused = await startExamAttempt(
			await candidateCtx(s.db, s.cadre.user.id, 30),
			startInput(one.sittingId)
		).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(RuleError);
		expect(await s.db.select().from(examAttempt)).toHaveLength(1);

		// a sitting requiring 4 credits of 2026; the cadre has 2
		await makePracticeAnswers(
			s.db,
			s.cadre.person.id,
			s.ready[0]!,
			'2026-02-01T10:00:00+08:00',
			100
		);
		const credits = await publishedSitting(
			s,
			{ kind: 'annual' },
			{},
			{ requireCredits: 'on', creditsRequired: '4' }
		);
		await preparePapers(s.db, at(-10));
		expect((await preparedIn(s, credits.sittingId)).size).toBe(1);
		const short = await startExamAttempt(
			await candidateCtx(s.db, s.cadre.user.id, 1),
			startInput(credits.sittingId)
		).catch((e: unknown) => e);
		expect(short).toMatchObject({ code: 'credits.short' });
		expect(await s.db.select().from(examAttempt)).toHaveLength(1);
	});

	it('keeps an attempt to the device that started it', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s, {}, {}, { oneDevice: 'on' });
		await preparePapers(s.db, at(-10));
		const ctx = await candidateCtx(s.db, s.cadre.user.id, 1);
		const id = await startExamAttempt(ctx, startInput(sittingId, 'phone'));
		expect(await startExamAttempt(ctx, startInput(sittingId, 'phone'))).toBe(id);
		const other = await startExamAttempt(ctx, startInput(sittingId, 'laptop')).catch(
			(e: unknown) => e
		);
		expect(other).toBeInstanceOf(ConflictError);
		await expect(attemptPaper(ctx, id, 'laptop')).rejects.toBeInstanceOf(ConflictError);
	});

	it('two processes starting at once give one attempt, holding the prepared paper', async () => {
		const { db, url } = await testDatabase();
		const s = await examSetup({ db });
		const { sittingId } = await publishedSitting(s);
		await preparePapers(s.db, at(-10));
		const prepared = (await preparedIn(s, sittingId)).get(s.cadre.person.id)!;
		const other = await openDatabase(url, { migrationsFolder: './drizzle' });
		closeAfterTest(() => other.client.close());
		const ids = await Promise.all([
			startExamAttempt(await candidateCtx(s.db, s.cadre.user.id, 1), startInput(sittingId)),
			startExamAttempt(await candidateCtx(other.db, s.cadre.user.id, 1), startInput(sittingId))
		]);
		expect(ids[0]).toBe(ids[1]);
		const rows = await s.db
			.select()
			.from(examAttempt)
			.where(and(eq(examAttempt.personId, s.cadre.person.id)));
		expect(rows).toHaveLength(1);
		expect(rows[0]!.paperId).toBe(prepared.paperId);
	});
});

/** The signature the cadre's papers are drawn under now (any prepared row of theirs holds it). */
async function preparedSignature(s: Setup) {
	const [row] = await s.db
		.select({ signature: examPreparedPaper.signature })
		.from(examPreparedPaper)
		.limit(1);
	return row?.signature;
}
