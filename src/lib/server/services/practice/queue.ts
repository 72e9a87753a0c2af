import { and, asc, count, eq, gte, isNull, lt, lte, type SQL } from 'drizzle-orm';
import { shuffled, type Rng } from '@xuefa/core';
import type { Ctx } from '../../context.ts';
import { practiceAnswer, practiceCard, question, questionBank } from '../../db/schema/index.ts';
import { type PracticePolicy, shanghaiDay } from './policy.ts';
import { type PracticeScope, practisable } from './scope.ts';

/** Answers given today (Asia/Shanghai): progress toward the daily goal. */
export async function answersToday(ctx: Ctx, scope: PracticeScope): Promise<number> {
	const { start, end } = shanghaiDay(ctx.now);
	const [row] = await ctx.db
		.select({ n: count() })
		.from(practiceAnswer)
		.where(
			and(
				eq(practiceAnswer.personId, scope.personId),
				gte(practiceAnswer.answeredAt, start),
				lt(practiceAnswer.answeredAt, end)
			)
		);
	return row?.n ?? 0;
}

/** Practisable questions joined with this learner's card (null when never practised). */
export function withCards(ctx: Ctx, scope: PracticeScope, where?: SQL) {
	return ctx.db
		.select({
			id: question.id,
			topic: question.topic,
			card: practiceCard.card,
			due: practiceCard.due,
			inMistakeBook: practiceCard.inMistakeBook
		})
		.from(question)
		.innerJoin(questionBank, eq(questionBank.id, question.bankId))
		.leftJoin(
			practiceCard,
			and(eq(practiceCard.questionId, question.id), eq(practiceCard.personId, scope.personId))
		)
		.where(and(practisable(scope), where));
}

/** Question ids due for review by the end of today, the most overdue first. */
export async function dueToday(ctx: Ctx, scope: PracticeScope): Promise<number[]> {
	const rows = await withCards(ctx, scope, lte(practiceCard.due, shanghaiDay(ctx.now).end)).orderBy(
		asc(practiceCard.due),
		asc(question.id)
	);
	return rows.map((r) => r.id);
}

/** Practisable questions this learner has never answered. */
export async function unseen(ctx: Ctx, scope: PracticeScope): Promise<number[]> {
	const rows = await withCards(ctx, scope, isNull(practiceCard.questionId)).orderBy(
		asc(question.id)
	);
	return rows.map((r) => r.id);
}

/** Today's review: every card due by the end of the day, then new questions up to the daily goal. */
export interface DailyQueue {
	due: number[];
	fresh: number[];
	answeredToday: number;
	goal: number;
}

/**
 * Builds today's review queue. New questions fill what the due cards and the answers already given
 * today leave of the daily goal, drawn with `rng`.
 */
export async function dailyQueue(
	ctx: Ctx,
	scope: PracticeScope,
	policy: PracticePolicy,
	rng: Rng
): Promise<DailyQueue> {
	const due = await dueToday(ctx, scope);
	const answeredToday = await answersToday(ctx, scope);
	const room = Math.max(0, policy.dailyGoal - answeredToday - due.length);
	const fresh = room > 0 ? shuffled(await unseen(ctx, scope), rng).slice(0, room) : [];
	return { due, fresh, answeredToday, goal: policy.dailyGoal };
}
