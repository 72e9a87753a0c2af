import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { examAnswer } from '../../db/schema/index.ts';
import { InvalidInputError, NotFoundError } from '../../errors.ts';
import { attemptRow, candidateCtx, examSetup, publishedSitting } from '../../testing/exams.ts';
import { makeQuestion, makeUser } from '../../testing/factories.ts';
import { fill } from '../../testing/practice.ts';
import { startExamAttempt } from './attempts.ts';
import { saveFromForm } from './form-save.ts';

describe('a save from the exam page without JavaScript', () => {
	it('tells someone posting to another’s attempt nothing of its paper: not found either way', async () => {
		const s = await examSetup();
		const { sittingId } = await publishedSitting(s);
		const attemptId = await startExamAttempt(await candidateCtx(s.db, s.cadre.user.id, 0), {
			sittingId,
			confirm: 'on'
		});
		const row = await attemptRow(s.db, attemptId);
		const onPaper = row!.questionIds[0]!;
		const offPaper = String(s.draft);
		// a colleague on the same roster, with an attempt of their own
		const other = await makeUser(s.db, s.a1.id);
		const ctx = await candidateCtx(s.db, other.user.id, 5);
		await startExamAttempt(ctx, { sittingId, confirm: 'on' });
		for (const questionId of [onPaper, offPaper]) {
			const refused = await saveFromForm(ctx, {
				attemptId,
				questionId,
				fields: { a: ['A'] },
				flagged: false
			}).catch((e: unknown) => e);
			expect(refused).toBeInstanceOf(NotFoundError);
		}
		expect(await s.db.select().from(examAnswer).where(eq(examAnswer.attemptId, attemptId))).toEqual(
			[]
		);
	});
});

describe('a save from the exam page without JavaScript, made by hand', () => {
	it('is held to the same limits as the page’s saves: a blank longer than any the page takes is refused, and nothing is stored', async () => {
		const s = await examSetup();
		const blank = await makeQuestion(s.db, s.bank.id, fill);
		const { sittingId } = await publishedSitting(s, { count_fill: '1', points_fill: '10' });
		const ctx = await candidateCtx(s.db, s.cadre.user.id, 0);
		const attemptId = await startExamAttempt(ctx, { sittingId, confirm: 'on' });
		const save = (text: string) =>
			saveFromForm(ctx, {
				attemptId,
				questionId: String(blank),
				fields: { a_0: [text] },
				flagged: false
			});
		// the JSON save takes 500 characters a blank: the form's 5,000 a field must not let more in
		const refused = await save('没'.repeat(501)).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(InvalidInputError);
		expect((refused as InvalidInputError).fields).toEqual({
			questionId: ['err_attempt_answer_too_long']
		});
		expect(await s.db.select().from(examAnswer).where(eq(examAnswer.attemptId, attemptId))).toEqual(
			[]
		);
		expect((await save('没收违法所得')).kind).toBe('saved');
	});
});
