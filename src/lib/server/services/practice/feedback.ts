import { and, eq, ne } from 'drizzle-orm';
import { gradeItem, type GradeStatus, type Response } from '@xuefa/core';
import type { Ctx } from '../../context.ts';
import { practiceAnswer, practiceCard } from '../../db/schema/index.ts';
import { NotFoundError } from '../../errors.ts';
import { renderMarkdown } from '../../markdown.ts';
import { practicePolicy } from './policy.ts';
import { citations, feedbackBodies } from './responses.ts';
import { PRACTICE_GRADING } from './rules.ts';
import { loadSession, loadVersion, questionView } from './session.ts';

/**
 * Everything shown after an answer: the outcome, the question with its key next to the learner's
 * answer, the sanitised explanation, the statute citations, where the question stands in the
 * mistake book, and when it comes back for review. Keyed by the answer id, so the page survives a
 * reload and works as the target of a redirect after the answer's form post.
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
	const response = a.response as Response;
	// Grading is deterministic, so the per-part statuses come from grading again; essays the
	// learner marked themselves read as `pending` here.
	const grade = gradeItem({ question: q, points: 1 }, response, PRACTICE_GRADING);
	const statuses: GradeStatus[] = grade.parts ? grade.parts.map((p) => p.status) : [grade.status];

	const [card] = await ctx.db
		.select()
		.from(practiceCard)
		.where(and(eq(practiceCard.personId, s.personId), eq(practiceCard.questionId, a.questionId)));
	const [earlierMiss] = await ctx.db
		.select({ id: practiceAnswer.id })
		.from(practiceAnswer)
		.where(
			and(
				eq(practiceAnswer.personId, s.personId),
				eq(practiceAnswer.questionId, a.questionId),
				ne(practiceAnswer.outcome, 'right')
			)
		)
		.limit(1);
	const { mistakeClearStreak } = await practicePolicy(ctx.db);

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
		question: questionView(q),
		bodies: feedbackBodies(q, response).map((b, i) => ({ ...b, status: statuses[i]! })),
		explanationHtml: renderMarkdown(q.explanation ?? ''),
		citations: citations(q),
		mistakes: {
			inBook: card?.inMistakeBook ?? false,
			streak: card?.mistakeStreak ?? 0,
			clearAfter: mistakeClearStreak,
			/** Answered right now after having been in the book, and out of it. */
			cleared: a.outcome === 'right' && !card?.inMistakeBook && earlierMiss !== undefined
		},
		nextDue: card?.due ?? null
	};
}

export type PracticeFeedback = Awaited<ReturnType<typeof practiceFeedback>>;
