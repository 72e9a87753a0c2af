import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { examAnswer, examAttempt } from '../../db/schema/index.ts';
import { NotFoundError } from '../../errors.ts';
import { candidateCtx, examSetup, publishedSitting } from '../../testing/exams.ts';
import { makeUser } from '../../testing/factories.ts';
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
		const [row] = await s.db.select().from(examAttempt).where(eq(examAttempt.id, attemptId));
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
