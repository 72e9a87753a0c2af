import { and, eq } from 'drizzle-orm';
import {
	PRACTICE_GRADING,
	answerTime,
	gradeItem,
	newCard,
	nextMistakeState,
	outcomeOf,
	schedulePractice,
	timingFor,
	type CardState,
	type ManualScores,
	type QuestionVersion,
	type Response
} from '@xuefa/core';
import type { AnswerInput, AssessInput, NextInput } from '$lib/schemas/practice.ts';
import { transact, type Ctx } from '../../context.ts';
import type { Tx } from '../../db/index.ts';
import { practiceAnswer, practiceCard, practiceSession } from '../../db/schema/index.ts';
import { ConflictError, InvalidInputError } from '../../errors.ts';
import { practicePolicy } from './policy.ts';
import { essayKeys, manualScores, responseFromFields } from './responses.ts';
import { itemOrders, loadSession, loadVersion, type SessionRow } from './session.ts';

/** What answering led to: the answer's id, or a wait for the learner to mark their essay. */
export type AnswerResult = { answerId: number } | { pending: true };

/** The set, checked to be at `position` with nothing answered there yet. */
async function openAt(ctx: Ctx & { db: Tx }, sessionId: number, position: number) {
	const s = await loadSession(ctx, sessionId);
	const done = s.answerIds[position];
	// a double submit (back button, second click) leads to the answer already given
	if (done != null) return { s, done };
	if (position !== s.position || position >= s.items.length)
		throw new ConflictError('practice_stale_question');
	return { s, done: null };
}

/**
 * Records an answer and everything it changes, in the caller's transaction: the answer as given
 * (with the option order shown and the state it leaves, so its feedback page can always show the
 * state then), the FSRS card (scheduled with the server's now), the mistake book, and the set's
 * progress. Choices are graded through the option order of the set's item, so by option id.
 */
async function record(
	ctx: Ctx & { db: Tx },
	s: SessionRow,
	q: QuestionVersion,
	response: Response,
	timeMs: number,
	manual: ManualScores
): Promise<number> {
	const { db, now } = ctx;
	const orders = itemOrders(s.items[s.position]!);
	const grade = gradeItem(
		{ question: q, points: 1, ...orders },
		response,
		PRACTICE_GRADING,
		manual
	);
	const fraction = grade.fraction ?? 0;
	const outcome = outcomeOf(fraction);
	const questionId = Number(q.id);

	const [prev] = await db
		.select()
		.from(practiceCard)
		.where(and(eq(practiceCard.personId, s.personId), eq(practiceCard.questionId, questionId)));
	const { mistakeClearStreak } = await practicePolicy(db);
	const scheduled = schedulePractice(
		(prev?.card as CardState | undefined) ?? newCard(now),
		{ outcome, timeMs },
		{ now, timing: timingFor(q.type) }
	);
	const mistake = nextMistakeState(prev, outcome, mistakeClearStreak);
	const card = { card: scheduled.card, due: scheduled.due, ...mistake, lastAnsweredAt: now };
	await db
		.insert(practiceCard)
		.values({ personId: s.personId, questionId, ...card })
		.onConflictDoUpdate({ target: [practiceCard.personId, practiceCard.questionId], set: card });

	const [answer] = await db
		.insert(practiceAnswer)
		.values({
			personId: s.personId,
			sessionId: s.id,
			questionId,
			version: q.version,
			mode: s.mode,
			response,
			optionOrders: orders,
			fraction,
			outcome,
			timeMs,
			answeredAt: now,
			after: {
				due: scheduled.due.getTime(),
				inMistakeBook: mistake.inMistakeBook,
				mistakeStreak: mistake.mistakeStreak,
				clearAfter: mistakeClearStreak,
				cleared: Boolean(prev?.inMistakeBook) && !mistake.inMistakeBook
			}
		})
		.returning({ id: practiceAnswer.id });

	const answerIds = s.answerIds.slice();
	answerIds[s.position] = answer!.id;
	await db
		.update(practiceSession)
		.set({ answerIds, pending: null })
		.where(eq(practiceSession.id, s.id));
	return answer!.id;
}

/**
 * Answers the current question of a set. The server grades the response against the exact version
 * the set drew (the form names it, and it must match), and measures the time from when the
 * server issued the question. An answer with essay parts is kept pending until the learner marks it
 * against the reference answer (essays are not graded automatically).
 */
export async function answerPractice(ctx: Ctx, input: AnswerInput): Promise<AnswerResult> {
	return transact(ctx, async (tx) => {
		const { s, done } = await openAt(tx, input.sessionId, input.position);
		if (done !== null) return { answerId: done };
		// once the reference answer of an essay part has been shown, the answer is fixed: only the
		// self-marking may follow (no second try at the choice parts with the reference in view)
		if (s.pending) return { pending: true };
		const item = s.items[s.position]!;
		if (item.questionId !== input.questionId || item.version !== input.version)
			throw new ConflictError('practice_stale_question');
		const q = await loadVersion(tx.db, item.questionId, item.version);
		const response = responseFromFields(q, input.fields);
		const timeMs = answerTime(s.shownAt, tx.now);
		if (essayKeys(q).length > 0) {
			await tx.db
				.update(practiceSession)
				.set({ pending: { response, timeMs } })
				.where(eq(practiceSession.id, s.id));
			return { pending: true };
		}
		return { answerId: await record(tx, s, q, response, timeMs, {}) };
	});
}

/** Records a pending essay answer with the learner's own marks (right, partly, wrong per essay). */
export async function assessPractice(ctx: Ctx, input: AssessInput): Promise<number> {
	return transact(ctx, async (tx) => {
		const { s, done } = await openAt(tx, input.sessionId, input.position);
		if (done !== null) return done;
		if (!s.pending) throw new ConflictError('practice_stale_question');
		const item = s.items[s.position]!;
		const q = await loadVersion(tx.db, item.questionId, item.version);
		const missing = essayKeys(q).filter((k) => !input.marks[k]);
		if (missing.length)
			throw new InvalidInputError(Object.fromEntries(missing.map((k) => [k, ['err_required']])));
		return record(tx, s, q, s.pending.response, s.pending.timeMs, manualScores(q, input.marks));
	});
}

/** Moves past an answered question and issues the next one (its time starts now). */
export async function nextPractice(ctx: Ctx, input: NextInput): Promise<void> {
	await transact(ctx, async (tx) => {
		const s = await loadSession(tx, input.sessionId);
		// only the answered current question moves on: a repeated click changes nothing
		if (input.position !== s.position || s.answerIds[s.position] == null) return;
		await tx.db
			.update(practiceSession)
			.set({ position: s.position + 1, shownAt: tx.now })
			.where(eq(practiceSession.id, s.id));
	});
}
