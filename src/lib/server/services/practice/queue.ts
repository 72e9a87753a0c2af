import { and, asc, count, eq, gte, lt, lte, notInArray, sql, type SQL } from 'drizzle-orm';
import { shuffled, type Rng } from '@xuefa/core';
import type { Ctx } from '../../context.ts';
import { practiceAnswer, practiceCard, question, questionBank } from '../../db/schema/index.ts';
import { shanghaiDay } from '@xuefa/core';
import type { PracticePolicy } from './policy.ts';
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

// a prime above 2^32: ids and multipliers stay below 2^31, so the hash never overflows 64 bits
const HASH_PRIME = 4_294_967_311;

/**
 * A seeded random order the database can sort by without reading the rows into the app: a random
 * affine map of the question id modulo a prime (a different map for every draw of `rng`).
 */
export function seededOrder(rng: Rng): SQL {
	const a = 1 + rng.int(2 ** 31 - 1);
	const b = rng.int(2 ** 31);
	return sql`((${question.id} * ${a} + ${b}) % ${HASH_PRIME})`;
}

/**
 * Up to `n` ids of practisable questions matching `where`, in the order `order`: the database
 * picks them, so a bank of tens of thousands of questions is never read into the app.
 */
export async function pickQuestions(
	ctx: Ctx,
	scope: PracticeScope,
	where: SQL | undefined,
	order: SQL,
	n: number
): Promise<number[]> {
	const rows = await ctx.db
		.select({ id: question.id })
		.from(question)
		.innerJoin(questionBank, eq(questionBank.id, question.bankId))
		.where(and(practisable(scope), where))
		.orderBy(order)
		.limit(n);
	return rows.map((r) => r.id);
}

/** Up to `n` practisable questions this learner has never answered, in a seeded random order. */
export async function unseen(
	ctx: Ctx,
	scope: PracticeScope,
	n: number,
	rng: Rng
): Promise<number[]> {
	const seen = ctx.db
		.select({ id: practiceCard.questionId })
		.from(practiceCard)
		.where(eq(practiceCard.personId, scope.personId));
	return shuffled(
		await pickQuestions(ctx, scope, notInArray(question.id, seen), seededOrder(rng), n),
		rng
	);
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
	const fresh = room > 0 ? await unseen(ctx, scope, room, rng) : [];
	return { due, fresh, answeredToday, goal: policy.dailyGoal };
}
