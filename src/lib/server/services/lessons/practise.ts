import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { createRng } from '@xuefa/core';
import type { LessonInput } from '$lib/schemas/lessons.ts';
import type { Ctx } from '../../context.ts';
import { lessonQuestion, question, questionBank } from '../../db/schema/index.ts';
import { createPracticeSet } from '../practice/start.ts';
import { practiceScope, practisable } from '../practice/scope.ts';
import { loadReadableLesson } from './access.ts';

/**
 * "Practise these N questions": a practice set of the lesson's questions, in the author's order,
 * leaving out any the learner may not practise (a bank archived or a question retired since).
 */
export async function practiseLesson(ctx: Ctx, input: LessonInput): Promise<number> {
	const { lesson } = await loadReadableLesson(ctx, input.lessonId);
	const scope = practiceScope(ctx);
	const rows = await ctx.db
		.select({ id: question.id })
		.from(lessonQuestion)
		.innerJoin(question, eq(question.id, lessonQuestion.questionId))
		.innerJoin(questionBank, eq(questionBank.id, question.bankId))
		.where(and(eq(lessonQuestion.lessonId, lesson.id), practisable(scope)))
		.orderBy(asc(lessonQuestion.position));
	const seed = randomUUID();
	return createPracticeSet(ctx, scope, {
		ids: rows.map((r) => r.id),
		source: { by: 'lesson', value: String(lesson.id), label: lesson.title },
		mode: 'practice',
		seed,
		rng: createRng(seed)
	});
}
