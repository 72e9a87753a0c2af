import { and, eq } from 'drizzle-orm';
import { PRACTICE_GRADING, gradeItem, questionTypeModule, type GradeStatus } from '@xuefa/core';
import type { Ctx } from '../../context.ts';
import { practiceAnswer } from '../../db/schema/index.ts';
import { NotFoundError } from '../../errors.ts';
import { renderMarkdown } from '../../markdown.ts';
import { citations, feedbackBodies } from './responses.ts';
import { loadSession, loadVersion, questionView } from './session.ts';

/**
 * Everything shown after an answer: the outcome, the question with its key next to the learner's
 * answer (options in the order they saw), the sanitised explanation, the statute citations, and
 * where the question then stood — in the mistake book or out of it, when it would come back for
 * review — as recorded with the answer, so an old answer shows its own state, not today's. Keyed
 * by the answer id, so the page survives a reload and works as the target of a redirect after the
 * answer's form post.
 */
export async function practiceFeedback(ctx: Ctx, sessionId: number, answerId: number) {
	const s = await loadSession(ctx, sessionId);
	const position = s.answerIds.indexOf(answerId);
	if (position < 0) throw new NotFoundError();
	const [a] = await ctx.db
		.select()
		.from(practiceAnswer)
		.where(and(eq(practiceAnswer.id, answerId), eq(practiceAnswer.personId, s.personId)));
	if (!a) throw new NotFoundError();
	const q = await loadVersion(ctx.db, a.questionId, a.version);
	// the stored JSON read as the question's response shape (the type's module normalises it)
	const response = questionTypeModule(q.type).normaliseResponse(a.response, q as never);
	const orders = a.optionOrders ?? {};
	// Grading is deterministic, so the per-part statuses come from grading again; essays the
	// learner marked themselves read as `pending` here.
	const grade = gradeItem({ question: q, points: 1, ...orders }, response, PRACTICE_GRADING);
	const statuses: GradeStatus[] = grade.parts ? grade.parts.map((p) => p.status) : [grade.status];
	const after = a.after;

	return {
		sessionId: s.id,
		source: s.source,
		position,
		total: s.items.length,
		/** The set has moved on already (the learner came back to an old answer). */
		current: position === s.position,
		last: position === s.items.length - 1,
		outcome: a.outcome,
		fraction: a.fraction,
		timeMs: a.timeMs,
		question: questionView(q, orders),
		bodies: feedbackBodies(q, response, orders).map((b, i) => ({ ...b, status: statuses[i]! })),
		explanationHtml: renderMarkdown(q.explanation ?? ''),
		citations: citations(q),
		/** Null for answers given before their state was kept. */
		mistakes: after && {
			inBook: after.inMistakeBook,
			streak: after.mistakeStreak,
			clearAfter: after.clearAfter,
			/** Answered right after having been in the book, and out of it now. */
			cleared: after.cleared
		},
		nextDue: after ? new Date(after.due) : null
	};
}

export type PracticeFeedback = Awaited<ReturnType<typeof practiceFeedback>>;
