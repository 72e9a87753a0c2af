import { randomUUID } from 'node:crypto';
import { and, eq, gt, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import { createRng, optionOrders, shuffled, type Rng } from '@xuefa/core';
import type { StartPracticeInput } from '$lib/schemas/practice.ts';
import { transact, type Ctx } from '../../context.ts';
import {
	type PracticeItem,
	type PracticeSource,
	practiceCard,
	practiceSession,
	question,
	questionBank,
	questionLawRef,
	questionVersion
} from '../../db/schema/index.ts';
import { ForbiddenError, InvalidInputError } from '../../errors.ts';
import { practicePolicy } from './policy.ts';
import { dailyQueue, pickQuestions, seededOrder, withCards } from './queue.ts';
import { type PracticeScope, practiceScope } from './scope.ts';

/** A review or a mistake-book set never runs longer than this. */
const MAX_SET = 50;

/**
 * Draws `count` questions of a law, topic or bank: questions due or never seen first, then the
 * others, each group in a seeded random order. The database picks them (a bank may hold tens of
 * thousands of questions: none but the drawn ones are read), ordered by a seeded hash of the id.
 */
async function drawFrom(
	ctx: Ctx,
	scope: PracticeScope,
	where: SQL,
	n: number,
	rng: Rng
): Promise<number[]> {
	// the learner's questions that are not due yet: few, read once into the query
	const notDue = ctx.db
		.select({ id: practiceCard.questionId })
		.from(practiceCard)
		.where(and(eq(practiceCard.personId, scope.personId), gt(practiceCard.due, ctx.now)));
	const order = seededOrder(rng);
	const pick = (group: SQL, limit: number) =>
		pickQuestions(ctx, scope, and(where, group), order, limit);
	const preferred = await pick(notInArray(question.id, notDue), n);
	const rest =
		preferred.length < n ? await pick(inArray(question.id, notDue), n - preferred.length) : [];
	return [...shuffled(preferred, rng), ...shuffled(rest, rng)];
}

async function bankLabel(ctx: Ctx, scope: PracticeScope, bankId: number): Promise<string> {
	const [bank] = await ctx.db
		.select({ name: questionBank.name })
		.from(questionBank)
		.where(
			and(
				eq(questionBank.id, bankId),
				inArray(questionBank.unitId, scope.unitIds),
				eq(questionBank.archived, false)
			)
		);
	// a bank of another unit is not the learner's to practise, whether or not it exists
	if (!bank) throw new ForbiddenError();
	return bank.name;
}

/**
 * Starts a practice set — by law, topic or bank, today's review, or the mistake book — and returns
 * its id. The draw and the order of each question's options are seeded from node:crypto and the
 * seed kept with the set; the current version of each question is pinned, so the set shows and
 * grades exactly those versions.
 */
export async function startPractice(ctx: Ctx, input: StartPracticeInput): Promise<number> {
	const scope = practiceScope(ctx);
	const seed = randomUUID();
	const rng = createRng(seed);
	let ids: number[];
	let source: PracticeSource;
	switch (input.by) {
		case 'law': {
			const citing = ctx.db
				.select({ id: questionLawRef.questionId })
				.from(questionLawRef)
				.where(eq(questionLawRef.law, input.value));
			// `+` keeps SQLite walking the banks' questions and testing each against the law's list,
			// rather than fetching every citing question of every bank one by one
			ids = await drawFrom(ctx, scope, sql`+${question.id} IN ${citing}`, input.count, rng);
			source = { by: 'law', value: input.value, label: input.value };
			break;
		}
		case 'topic':
			ids = await drawFrom(ctx, scope, eq(question.topic, input.value), input.count, rng);
			source = { by: 'topic', value: input.value, label: input.value };
			break;
		case 'bank': {
			const bankId = Number(input.value);
			if (!Number.isInteger(bankId)) throw new ForbiddenError();
			const label = await bankLabel(ctx, scope, bankId);
			ids = await drawFrom(ctx, scope, eq(question.bankId, bankId), input.count, rng);
			source = { by: 'bank', value: String(bankId), label };
			break;
		}
		case 'review': {
			const queue = await dailyQueue(ctx, scope, await practicePolicy(ctx.db), rng);
			ids = [...queue.due, ...queue.fresh].slice(0, MAX_SET);
			source = { by: 'review', value: '', label: '' };
			break;
		}
		case 'mistakes': {
			const rows = await withCards(ctx, scope, eq(practiceCard.inMistakeBook, true));
			ids = shuffled(
				rows.map((r) => r.id),
				rng
			).slice(0, MAX_SET);
			source = { by: 'mistakes', value: '', label: '' };
			break;
		}
	}
	const mode = input.by === 'review' ? 'review' : input.by === 'mistakes' ? 'mistakes' : 'practice';
	return createPracticeSet(ctx, scope, { ids, source, mode, seed, rng });
}

/**
 * Writes a practice set of the given questions, in that order: the current version of each is
 * pinned and its options ordered from the set's seed. Throws when there is nothing to practise.
 */
export async function createPracticeSet(
	ctx: Ctx,
	scope: PracticeScope,
	set: {
		ids: number[];
		source: PracticeSource;
		mode: 'practice' | 'review' | 'mistakes';
		seed: string;
		rng: Rng;
	}
): Promise<number> {
	const { ids, source, mode, seed, rng } = set;
	if (ids.length === 0) throw new InvalidInputError({}, 'practice_nothing_to_practise');

	return transact(ctx, async (tx) => {
		const versions = await tx.db
			.select({ id: question.id, version: question.currentVersion, data: questionVersion.data })
			.from(question)
			.innerJoin(
				questionVersion,
				and(
					eq(questionVersion.questionId, question.id),
					eq(questionVersion.version, question.currentVersion)
				)
			)
			.where(inArray(question.id, ids));
		const current = new Map(versions.map((v) => [v.id, v]));
		// options shuffled per set, from the set's seed (grading maps the labels back to option ids)
		const items: PracticeItem[] = ids.map((questionId) => {
			const v = current.get(questionId)!;
			return { questionId, version: v.version, ...optionOrders(v.data, rng) };
		});
		const [row] = await tx.db
			.insert(practiceSession)
			.values({
				personId: scope.personId,
				mode,
				source,
				items,
				answerIds: items.map(() => null),
				position: 0,
				shownAt: ctx.now,
				pending: null,
				seed,
				createdAt: ctx.now
			})
			.returning({ id: practiceSession.id });
		return row!.id;
	});
}
