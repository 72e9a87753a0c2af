import { and, eq } from 'drizzle-orm';
import { type AnswerFields, answerSave } from '$lib/schemas/exams.ts';
import type { Ctx } from '../../context.ts';
import { examAttempt, examPaper } from '../../db/schema/index.ts';
import { paperOfAttempt } from './attempt-paper.ts';
import { InvalidInputError, NotFoundError, RateLimitedError } from '../../errors.ts';
import { responseFromFields } from '../practice/responses.ts';
import { type SaveResult, candidateOf, lastSeq, saveAnswers } from './attempts.ts';

/**
 * A save from the exam page's form without JavaScript: the fields of one question read against
 * the question on the paper, numbered after the last save (a posted form is always the newest).
 */
export async function saveFromForm(
	ctx: Ctx,
	input: AnswerFields & { deviceId?: string }
): Promise<SaveResult> {
	// only the candidate's own paper is read: anyone else's attempt is not found, whatever the question
	const [row] = await ctx.db
		.select({ paper: examPaper.paper })
		.from(examAttempt)
		.innerJoin(examPaper, paperOfAttempt)
		.where(and(eq(examAttempt.id, input.attemptId), eq(examAttempt.personId, candidateOf(ctx))));
	if (!row) throw new NotFoundError();
	const item = row.paper.sections
		.flatMap((s) => s.items)
		.find((i) => i.question.id === input.questionId);
	if (!item) throw new InvalidInputError({ questionId: ['err_attempt_unknown_question'] });
	const response = responseFromFields(item.question, input.fields);
	// the page's own saves' schema: a form field takes 5,000 characters, a blank far fewer, and a
	// hand-made post must not store what the exam page could never send
	if (!answerSave.shape.response.safeParse(response).success)
		throw new InvalidInputError({ questionId: ['err_attempt_answer_too_long'] });
	const saved = saveAnswers(ctx, {
		attemptId: input.attemptId,
		deviceId: input.deviceId,
		saves: [
			{
				questionId: input.questionId,
				seq: (await lastSeq(ctx.db, input.attemptId)) + 1,
				response,
				flagged: input.flagged
			}
		]
	});
	// the page's own message says the answers wait on the device, which only its script does: a
	// form is sent again by hand
	return saved.catch((e: unknown) => {
		throw e instanceof RateLimitedError
			? new RateLimitedError('exam_save_rate_limited_form', { seconds: Number(e.params.seconds) })
			: e;
	});
}
