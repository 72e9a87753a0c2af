import { and, count, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { practiceAnswer, practiceCard, question, questionBank } from '../../db/schema/index.ts';
import { practicePolicy } from './policy.ts';
import { practiceScope, practisable } from './scope.ts';

export const MISTAKE_PAGE_SIZE = 20;

/**
 * The mistake book (错题本), a page at a time, most recently answered first: questions answered
 * wrong (or partly) and not yet answered right often enough since, with how often each went wrong,
 * how far it is from leaving the book, and the last wrong answer — whose page shows the question,
 * the learner's answer next to the key, and the explanation.
 */
export async function listMistakes(ctx: Ctx, page = 1) {
	const scope = practiceScope(ctx);
	const { mistakeClearStreak } = await practicePolicy(ctx.db);
	const where = and(
		eq(practiceCard.personId, scope.personId),
		eq(practiceCard.inMistakeBook, true),
		practisable(scope)
	);
	const [total] = await ctx.db
		.select({ n: count() })
		.from(practiceCard)
		.innerJoin(question, eq(question.id, practiceCard.questionId))
		.innerJoin(questionBank, eq(questionBank.id, question.bankId))
		.where(where);
	const lastWrong = ctx.db
		.select({ id: practiceAnswer.id })
		.from(practiceAnswer)
		.where(
			and(
				eq(practiceAnswer.personId, scope.personId),
				eq(practiceAnswer.questionId, question.id),
				ne(practiceAnswer.outcome, 'right')
			)
		)
		.orderBy(desc(practiceAnswer.id))
		.limit(1);
	const rows = await ctx.db
		.select({
			questionId: question.id,
			stem: question.stemText,
			topic: question.topic,
			type: question.type,
			streak: practiceCard.mistakeStreak,
			lastAnsweredAt: practiceCard.lastAnsweredAt,
			lastWrongId: sql<number | null>`(${lastWrong})`
		})
		.from(practiceCard)
		.innerJoin(question, eq(question.id, practiceCard.questionId))
		.innerJoin(questionBank, eq(questionBank.id, question.bankId))
		.where(where)
		.orderBy(desc(practiceCard.lastAnsweredAt), desc(question.id))
		.limit(MISTAKE_PAGE_SIZE)
		.offset((page - 1) * MISTAKE_PAGE_SIZE);
	const ids = rows.map((r) => r.questionId);
	const wrongIds = rows.flatMap((r) => (r.lastWrongId === null ? [] : [r.lastWrongId]));
	const misses = ids.length
		? await ctx.db
				.select({ questionId: practiceAnswer.questionId, n: count() })
				.from(practiceAnswer)
				.where(
					and(
						eq(practiceAnswer.personId, scope.personId),
						ne(practiceAnswer.outcome, 'right'),
						inArray(practiceAnswer.questionId, ids)
					)
				)
				.groupBy(practiceAnswer.questionId)
		: [];
	const sessions = wrongIds.length
		? await ctx.db
				.select({ id: practiceAnswer.id, sessionId: practiceAnswer.sessionId })
				.from(practiceAnswer)
				.where(inArray(practiceAnswer.id, wrongIds))
		: [];
	const wrong = new Map(misses.map((m) => [m.questionId, m.n]));
	const sessionOf = new Map(sessions.map((s) => [s.id, s.sessionId]));
	return {
		clearAfter: mistakeClearStreak,
		total: total?.n ?? 0,
		page,
		pageSize: MISTAKE_PAGE_SIZE,
		items: rows.map(({ lastWrongId, ...r }) => {
			const sessionId = lastWrongId === null ? null : (sessionOf.get(lastWrongId) ?? null);
			return {
				...r,
				timesWrong: wrong.get(r.questionId) ?? 0,
				/** The page of the last wrong answer: the question, its key and explanation. */
				href: sessionId === null ? null : `/practice/s/${sessionId}/a/${lastWrongId}`
			};
		})
	};
}
