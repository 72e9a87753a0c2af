import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { SAVE_RATE } from '../../auth/rate-meter.ts';
import { examAnswer } from '../../db/schema/index.ts';
import { RateLimitedError } from '../../errors.ts';
import { attemptRow, candidateCtx, examSetup, publishedSitting } from '../../testing/exams.ts';
import { makeUser } from '../../testing/factories.ts';
import { saveAnswers, startExamAttempt } from './attempts.ts';
import { saveFromForm } from './form-save.ts';

/** `n` saves of the attempt's questions in turn, numbered from `from`, all choosing `choice`. */
const saves = (questions: string[], n: number, from: number, choice = 'A') =>
	Array.from({ length: n }, (_, i) => ({
		questionId: questions[i % questions.length]!,
		seq: from + i,
		response: { type: 'single' as const, choice },
		flagged: false
	}));

/** The cadre's attempt, started a minute into a published sitting, and the questions on its paper. */
async function cadreStarted() {
	const s = await examSetup();
	const { sittingId } = await publishedSitting(s);
	const ctx = await candidateCtx(s.db, s.cadre.user.id, 1);
	const id = await startExamAttempt(ctx, { sittingId, confirm: 'on' });
	const { questionIds } = await attemptRow(s.db, id);
	return { s, sittingId, ctx, id, questionIds };
}

describe('the pace of an attempt’s saves', () => {
	it('holds a script flooding saves to the page’s pace, writing nothing refused, and lets the page go on after the wait', async () => {
		const { s, sittingId, ctx, id, questionIds } = await cadreStarted();
		// a colleague saving at the same moment is not held by the cadre's flood
		const other = await makeUser(s.db, s.a1.id);
		const otherCtx = await candidateCtx(s.db, other.user.id, 1);
		const otherId = await startExamAttempt(otherCtx, { sittingId, confirm: 'on' });

		// the whole burst at once, in requests of 100 answers (an offline queue flushed, five times)
		let seq = 1;
		for (let i = 0; i < SAVE_RATE.burst / 100; i++) {
			const r = await saveAnswers(ctx, { attemptId: id, saves: saves(questionIds, 100, seq) });
			expect(r.kind).toBe('saved');
			seq += 100;
		}
		const before = await s.db.select().from(examAnswer).where(eq(examAnswer.attemptId, id));
		const refused = await saveAnswers(ctx, {
			attemptId: id,
			saves: saves(questionIds, 4, seq, 'B')
		}).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(RateLimitedError);
		// four answers more wait for four intervals' room: under a second
		expect((refused as RateLimitedError).params).toEqual({ seconds: 1 });
		// without JavaScript the form is refused too, saying to send it again (no page keeps it)
		const form = await saveFromForm(ctx, {
			attemptId: id,
			questionId: questionIds[0]!,
			fields: { a: ['B'] },
			flagged: false
		}).catch((e: unknown) => e);
		expect(form).toMatchObject({ code: 'exam_save_rate_limited_form', params: { seconds: 1 } });
		expect(await s.db.select().from(examAnswer).where(eq(examAnswer.attemptId, id))).toEqual(
			before
		);
		const { questionIds: otherQuestions } = await attemptRow(s.db, otherId);
		expect(
			(await saveAnswers(otherCtx, { attemptId: otherId, saves: saves(otherQuestions, 4, 1) })).kind
		).toBe('saved');

		// a second later the same answers are saved
		const later = { ...ctx, now: new Date(ctx.now.getTime() + 1000) };
		const saved = await saveAnswers(later, {
			attemptId: id,
			saves: saves(questionIds, 4, seq, 'B')
		});
		expect(saved.kind === 'saved' && saved.saved.every((x) => x.applied)).toBe(true);
		const after = await s.db.select().from(examAnswer).where(eq(examAnswer.attemptId, id));
		expect(
			after.every((a) => JSON.stringify(a.response) === '{"type":"single","choice":"B"}')
		).toBe(true);
	});

	it('lets a whole paper queued offline through at once, and one answer every interval without end', async () => {
		const { ctx, id, questionIds } = await cadreStarted();
		// a whole paper's worth queued while offline (a hundred answers), sent in one request
		const flush = await saveAnswers(ctx, { attemptId: id, saves: saves(questionIds, 100, 1) });
		expect(flush.kind).toBe('saved');
		// then one answer every interval, longer than the rest of the burst would last
		const steady = SAVE_RATE.burst - 100 + 50;
		for (let i = 1; i <= steady; i++) {
			const now = new Date(ctx.now.getTime() + i * SAVE_RATE.intervalMs);
			const r = await saveAnswers(
				{ ...ctx, now },
				{ attemptId: id, saves: saves(questionIds, 1, 100 + i) }
			);
			expect(r.kind).toBe('saved');
		}
	});
});
