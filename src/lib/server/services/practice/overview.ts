import { and, asc, count, countDistinct, eq, ne } from 'drizzle-orm';
import { topicReadiness, newCard, type CardState } from '@xuefa/core';
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
 * Readiness per topic from the core's `topicReadiness`, with two adjustments: FSRS rates a card as
 * well recalled right after any review, even a wrong one, so a question still in the mistake book
 * counts 0 (passed as a fresh card) until it is cleared; `mistakes` says how many per topic. And
 * `due` counts what "due today" counts — questions practised before and due by the end of today
 * (Asia/Shanghai) — never questions not yet seen, which the core's fresh cards would count.
 */
export function readinessByTopic(
	cards: { topic: string; card: unknown; due: Date | null; inMistakeBook: boolean | null }[],
	now: Date
) {
	const mistakes = new Map<string, number>();
	const due = new Map<string, number>();
	const endOfToday = shanghaiDay(now).end;
	const inputs = cards.map((c) => {
		if (c.due !== null && c.due <= endOfToday) due.set(c.topic, (due.get(c.topic) ?? 0) + 1);
		const card = (c.card as CardState | null) ?? newCard(now);
		if (!c.inMistakeBook) return { topic: c.topic, card };
		mistakes.set(c.topic, (mistakes.get(c.topic) ?? 0) + 1);
		return { topic: c.topic, card: { ...newCard(now), due: card.due } };
	});
	return topicReadiness(inputs, now).map((r) => {
		const m = mistakes.get(r.topic) ?? 0;
		return { ...r, unseen: r.unseen - m, mistakes: m, due: due.get(r.topic) ?? 0 };
	});
}

/**
 * The practice home: today's numbers, readiness per topic (the core's estimate over every
 * practisable question, unseen ones and open mistakes counting 0), and what the learner may start a set from —
 * laws, topics and banks in scope, each with its number of questions.
 */
export async function practiceOverview(ctx: Ctx) {
	const scope = practiceScope(ctx);
	const today = await practiceToday(ctx);
	const cards = await withCards(ctx, scope);
	const readiness = readinessByTopic(cards, ctx.now);

	const laws = await ctx.db
		.select({ law: questionLawRef.law, n: countDistinct(question.id) })
		.from(questionLawRef)
		.innerJoin(question, eq(question.id, questionLawRef.questionId))
		.innerJoin(questionBank, eq(questionBank.id, question.bankId))
		.where(practisable(scope))
		.groupBy(questionLawRef.law)
		.orderBy(asc(questionLawRef.law));
	const topics = await ctx.db
		.select({ topic: question.topic, n: count() })
		.from(question)
		.innerJoin(questionBank, eq(questionBank.id, question.bankId))
		.where(and(practisable(scope), ne(question.topic, '')))
		.groupBy(question.topic)
		.orderBy(asc(question.topic));
	const banks = await ctx.db
		.select({ id: questionBank.id, name: questionBank.name, n: count() })
		.from(question)
		.innerJoin(questionBank, eq(questionBank.id, question.bankId))
		.where(practisable(scope))
		.groupBy(questionBank.id)
		.orderBy(asc(questionBank.name));

	return { today, readiness, laws, topics, banks, total: cards.length };
}
