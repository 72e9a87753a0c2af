import { asc, count, countDistinct, eq, isNotNull, sql } from 'drizzle-orm';
import { practiceReadiness, type CardState } from '@xuefa/core';
import type { Ctx } from '../../context.ts';
import { practiceCard, question, questionBank, questionLawRef } from '../../db/schema/index.ts';
import { practicePolicy } from './policy.ts';
import { answersToday, dueToday, withCards } from './queue.ts';
import { practiceScope, practisable } from './scope.ts';

/** The day's numbers: goal and progress, due reviews, mistake-book size. */
export async function practiceToday(ctx: Ctx) {
	const scope = practiceScope(ctx);
	const policy = await practicePolicy(ctx.db);
	const mistakeRows = await withCards(ctx, scope, eq(practiceCard.inMistakeBook, true));
	return {
		goal: policy.dailyGoal,
		answeredToday: await answersToday(ctx, scope),
		due: (await dueToday(ctx, scope)).length,
		mistakes: mistakeRows.length,
		clearAfter: policy.mistakeClearStreak
	};
}

/**
 * The practice home: today's numbers, readiness per topic (the core's estimate over every
 * practisable question, unseen ones and open mistakes counting 0), and what the learner may start
 * a set from — laws, topics and banks in scope, each with its number of questions.
 */
export async function practiceOverview(ctx: Ctx) {
	const scope = practiceScope(ctx);
	const today = await practiceToday(ctx);
	const byTopic = await ctx.db
		.select({ topic: question.topic, n: count() })
		.from(question)
		.innerJoin(questionBank, eq(questionBank.id, question.bankId))
		.where(practisable(scope))
		.groupBy(question.topic)
		.orderBy(asc(question.topic));
	const cards = await withCards(ctx, scope, isNotNull(practiceCard.questionId));
	// the core's rule: unseen questions and open mistakes count 0, weakest topic first
	const readiness = practiceReadiness(
		cards.map((c) => ({ ...c, card: c.card as CardState })),
		new Map(byTopic.map((t) => [t.topic, t.n])),
		ctx.now
	);

	// per law, from the law index alone; `+`: test each citation against the learner's questions
	// rather than look up every question's citations one by one
	const inScope = ctx.db
		.select({ id: question.id })
		.from(question)
		.innerJoin(questionBank, eq(questionBank.id, question.bankId))
		.where(practisable(scope));
	const laws = await ctx.db
		.select({ law: questionLawRef.law, n: countDistinct(questionLawRef.questionId) })
		.from(questionLawRef)
		.where(sql`+${questionLawRef.questionId} IN ${inScope}`)
		.groupBy(questionLawRef.law)
		.orderBy(asc(questionLawRef.law));
	const banks = await ctx.db
		.select({ id: questionBank.id, name: questionBank.name, n: count() })
		.from(question)
		.innerJoin(questionBank, eq(questionBank.id, question.bankId))
		.where(practisable(scope))
		.groupBy(questionBank.id)
		.orderBy(asc(questionBank.name));

	return {
		today,
		readiness,
		laws,
		topics: byTopic.filter((t) => t.topic !== ''),
		banks,
		total: byTopic.reduce((n, t) => n + t.n, 0)
	};
}
