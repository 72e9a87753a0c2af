import { and, count, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { practiceAnswer, practiceCard, question, questionBank } from '../../db/schema/index.ts';
import { practicePolicy } from './policy.ts';
import { practiceScope, practisable } from './scope.ts';

/**
 * The mistake book (错题本): questions answered wrong (or partly) and not yet answered right often
 * enough since, with how often each went wrong and how far it is from leaving the book.
 */
export async function listMistakes(ctx: Ctx) {
	const scope = practiceScope(ctx);
	const { mistakeClearStreak } = await practicePolicy(ctx.db);
	const rows = await ctx.db
		.select({
			questionId: question.id,
			stem: question.stemText,
			topic: question.topic,
			type: question.type,
			streak: practiceCard.mistakeStreak,
			lastAnsweredAt: practiceCard.lastAnsweredAt
		})
		.from(practiceCard)
		.innerJoin(question, eq(question.id, practiceCard.questionId))
		.innerJoin(questionBank, eq(questionBank.id, question.bankId))
		.where(
			and(
				eq(practiceCard.personId, scope.personId),
				eq(practiceCard.inMistakeBook, true),
				practisable(scope)
			)
		)
		.orderBy(desc(practiceCard.lastAnsweredAt));
	const misses = rows.length
		? await ctx.db
				.select({ questionId: practiceAnswer.questionId, n: count() })
				.from(practiceAnswer)
				.where(
					and(
						eq(practiceAnswer.personId, scope.personId),
						ne(practiceAnswer.outcome, 'right'),
						inArray(
							practiceAnswer.questionId,
							rows.map((r) => r.questionId)
						)
					)
				)
				.groupBy(practiceAnswer.questionId)
		: [];
	const wrong = new Map(misses.map((m) => [m.questionId, m.n]));
	return {
		clearAfter: mistakeClearStreak,
		items: rows.map((r) => ({ ...r, timesWrong: wrong.get(r.questionId) ?? 0 }))
	};
}
