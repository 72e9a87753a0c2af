import { asc, count, countDistinct, eq, isNotNull, sql } from 'drizzle-orm';
import { topicReadiness, type CardState } from '@xuefa/core';
import type { Ctx } from '../../context.ts';
import { practiceCard, question, questionBank, questionLawRef } from '../../db/schema/index.ts';
import { practicePolicy, shanghaiDay } from './policy.ts';
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
 * Readiness per topic from the core's `topicReadiness` over the questions this learner has
 * answered, and the count of each topic's questions: those never answered count 0, so a topic's
 * readiness is the mean over all its questions. Two adjustments: FSRS rates a card as well
 * recalled right after any review, even a wrong one, so a question still in the mistake book
 * counts 0 until it is cleared (`mistakes` says how many per topic); and `due` counts what "due
 * today" counts — questions practised before and due by the end of today (Asia/Shanghai).
 * Only the learner's own cards are read: a bank of 50,000 questions costs one grouped count.
 */
export function readinessByTopic(
	cards: { topic: string; card: unknown; due: Date | null; inMistakeBook: boolean | null }[],
	questionsByTopic: ReadonlyMap<string, number>,
	now: Date
) {
	const mistakes = new Map<string, number>();
	const due = new Map<string, number>();
	const endOfToday = shanghaiDay(now).end;
	const inputs = cards.flatMap((c) => {
		if (c.due !== null && c.due <= endOfToday) due.set(c.topic, (due.get(c.topic) ?? 0) + 1);
		if (!c.inMistakeBook) return [{ topic: c.topic, card: c.card as CardState }];
		mistakes.set(c.topic, (mistakes.get(c.topic) ?? 0) + 1);
		return [];
	});
	const answered = new Map(topicReadiness(inputs, now).map((r) => [r.topic, r]));
	return [...questionsByTopic]
		.map(([topic, total]) => {
			const r = answered.get(topic);
			const m = mistakes.get(topic) ?? 0;
			const seen = (r?.cards ?? 0) + m;
			return {
				topic,
				readiness: total > 0 ? ((r?.readiness ?? 0) * (r?.cards ?? 0)) / total : 0,
				cards: total,
				unseen: Math.max(0, total - seen),
				mistakes: m,
				due: due.get(topic) ?? 0
			};
		})
		.sort((x, y) => x.readiness - y.readiness || (x.topic < y.topic ? -1 : 1));
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
	const readiness = readinessByTopic(cards, new Map(byTopic.map((t) => [t.topic, t.n])), ctx.now);

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
