import { describe, expect, it } from 'vitest';
import { sittingInput } from '$lib/schemas/exams.ts';
import { answerEvery, at, candidateCtx, examSetup, publishedSitting } from '../../testing/exams.ts';
import { ctxFor, makeUser } from '../../testing/factories.ts';
import { myRecord } from '../hr/record.ts';
import { startExamAttempt, submitExamAttempt } from './attempts.ts';
import { extendExamAttempt } from './integrity.ts';
import { createSitting } from './sittings.ts';
import { attemptResult } from './view.ts';

describe('"after close" while an extended candidate still sits', () => {
	it('keeps the answers and the score back until the last extended deadline has passed', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s, {
			reviewScore: 'after_close',
			reviewAnswers: 'after_close',
			reviewExplanations: 'after_close'
		});
		// the cadre finishes early; a colleague starts late and is given 20 minutes past the close
		const early = await candidateCtx(s.db, s.cadre.user.id, 0);
		const done = await startExamAttempt(early, { sittingId, confirm: 'on' });
		await answerEvery(early, done, true);
		await submitExamAttempt(early, { attemptId: done });
		const late = await makeUser(s.db, s.a1.id);
		const lateCtx = await candidateCtx(s.db, late.user.id, 100);
		const sitting = await startExamAttempt(lateCtx, { sittingId, confirm: 'on' });
		await extendExamAttempt(await ctxFor(s.db, s.organiser.user.id, at(110)), {
			sittingId,
			attemptId: sitting,
			minutes: 20,
			reason: '考生设备故障'
		});

		// 11:05: the window has closed, but the colleague sits until 11:20
		const during = await candidateCtx(s.db, s.cadre.user.id, 125);
		const hidden = await attemptResult(during, done);
		expect(hidden.score).toBeNull();
		expect(hidden.review).toEqual([]);
		const record = await myRecord(during);
		expect(record.exams!.attempts.find((a) => a.id === done)).toMatchObject({
			score: null,
			passed: null
		});

		// 11:21: nobody sits it any more
		const after = await candidateCtx(s.db, s.cadre.user.id, 141);
		const shown = await attemptResult(after, done);
		expect(shown.score).toMatchObject({ passed: true });
		expect(shown.review.length).toBe(4);
		expect(shown.review.every((i) => i.bodies.length > 0)).toBe(true);
		expect((await myRecord(after)).exams!.attempts.find((a) => a.id === done)).toMatchObject({
			passed: true
		});
	});

	it('is the window’s close when nobody was given more time', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s, { reviewAnswers: 'after_close' });
		const ctx = await candidateCtx(s.db, s.cadre.user.id, 0);
		const id = await startExamAttempt(ctx, { sittingId, confirm: 'on' });
		await answerEvery(ctx, id, true);
		await submitExamAttempt(ctx, { attemptId: id });
		expect(
			(await attemptResult(await candidateCtx(s.db, s.cadre.user.id, 119), id)).review.every(
				(i) => i.bodies.length === 0
			)
		).toBe(true);
		const open = await attemptResult(await candidateCtx(s.db, s.cadre.user.id, 120), id);
		expect(open.review.every((i) => i.bodies.length > 0)).toBe(true);
	});

	it('keeps the right answers back while a make-up sitting of the exam is still to come; the score is shown', async () => {
		const s = await examSetup();
		const { examId, sittingId } = await publishedSitting(s, {
			reviewScore: 'after_close',
			reviewAnswers: 'after_close',
			reviewExplanations: 'after_close'
		});
		// a make-up sitting of the same exam the next afternoon (补考)
		await createSitting(
			s.org,
			sittingInput.parse({
				examId,
				name: '补考',
				opensAt: '2026-03-03T14:00',
				closesAt: '2026-03-03T16:00',
				unitIds: [s.a1.id]
			})
		);
		const ctx = await candidateCtx(s.db, s.cadre.user.id, 0);
		const id = await startExamAttempt(ctx, { sittingId, confirm: 'on' });
		await answerEvery(ctx, id, false);
		await submitExamAttempt(ctx, { attemptId: id });

		// the first sitting has closed: the score (a fail) is there, the right answers are not
		const between = await attemptResult(await candidateCtx(s.db, s.cadre.user.id, 180), id);
		expect(between.score).toMatchObject({ passed: false });
		expect(between.review).toEqual([]);
		expect(between.answersLater).toEqual({
			at: new Date('2026-03-03T16:00:00+08:00').getTime()
		});
		// once the make-up sitting has closed too
		const after = await attemptResult(await candidateCtx(s.db, s.cadre.user.id, 60 * 31 + 1), id);
		expect(after.review.length).toBe(4);
		expect(after.answersLater).toBeNull();
		expect(after.review.every((i) => i.bodies.length > 0)).toBe(true);
	});
});
