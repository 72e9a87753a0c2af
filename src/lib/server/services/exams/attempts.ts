/**
 * A candidate's attempt: start (the paper drawn for them), answers saved as they are given, submit.
 * The deadline lives in the database; whichever request or sweep finds an attempt past it
 * submits it (./finish.ts), so no process needs to remember anything.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { RuleError, canStartAttempt, newAttempt, startAttempt as coreStart } from '@xuefa/core';
import type {
	SaveAnswersInput,
	StartAttemptInput,
	SubmitAttemptInput
} from '$lib/schemas/exams.ts';
import { type Ctx, transact } from '../../context.ts';
import type { ReadDb, Tx } from '../../db/index.ts';
import { prepared } from '../../db/prepared.ts';
import {
	exam,
	examAnswer,
	examAttempt,
	examPaper,
	loginThrottle,
	sitting
} from '../../db/schema/index.ts';
import {
	ConflictError,
	ForbiddenError,
	InvalidInputError,
	NotFoundError,
	RateLimitedError
} from '../../errors.ts';
import {
	SAVE_RATE,
	meterReading,
	meterWait,
	saveMeterKey,
	waitSeconds
} from '../../auth/rate-meter.ts';
import { candidateStanding } from './eligibility.ts';
import { type AttemptRow, coreAttempt, finishAttempt } from './finish.ts';
import { type AttemptWithPaper, attemptWithPaper, paperOfAttempt } from './attempt-paper.ts';
import { drawPaper, insertPaper, signatureOf, takePreparedPaper } from './prepare.ts';
import { bankStampSql, readyBank } from './questions.ts';
import { type SaveBatch, saveInGroup } from './save-group.ts';
import { fitsShape } from '$lib/exams/answer-shape.ts';
import { isAnswered } from '$lib/exams/responses.ts';
import { startInGroup } from './start-group.ts';
import { passRulesOf, retakePolicyOf } from './rules.ts';
import { attemptScoreShown } from './score-visibility.ts';
import { onRoster } from './sittings.ts';

/** The person the signed-in user is; accounts without one (a bootstrap admin) sit no exams. */
export function candidateOf(ctx: Ctx): number {
	if (ctx.user.personId === null) throw new ForbiddenError();
	return ctx.user.personId;
}

/** Submits (and grades) the person's attempts still open past their deadline. */
export async function closeOverdueOf(ctx: Ctx, personId: number): Promise<void> {
	const overdue = await ctx.db
		.select({ id: examAttempt.id })
		.from(examAttempt)
		.where(
			and(
				eq(examAttempt.personId, personId),
				eq(examAttempt.state, 'in_progress'),
				sql`${examAttempt.deadline} <= ${ctx.now.getTime()}`
			)
		);
	for (const { id } of overdue) await transact(ctx, (tx) => finishAttempt(tx, id));
}

/**
 * Starts the candidate's next attempt in a sitting — or returns the one already in progress there
 * (pressing start twice, or on a second device, resumes). The retake rules, the window, the
 * roster and the sitting's study-credit requirement are checked first. The paper is the one
 * prepared for the candidate before the window (./prepare.ts) if it was drawn from the bank and
 * blueprint as they are now; otherwise it is drawn now, with a seed of its own.
 */
export async function startExamAttempt(ctx: Ctx, input: StartAttemptInput): Promise<number> {
	const personId = candidateOf(ctx);
	const [s] = await startTarget(ctx.db).all({ personId, sittingId: input.sittingId });
	if (!s || s.exam.status !== 'published' || !s.rostered) throw new NotFoundError();
	const previous = await attemptsOfExam(ctx, personId, s.exam.id);
	const open = previous.find((a) => a.state === 'in_progress' && a.sittingId === s.sitting.id);
	if (open) {
		checkDevice(s.sitting.oneDevice, open, input.deviceId);
		return open.id;
	}
	// under "a retake only after a fail", a start allowed or refused tells whether the last attempt
	// passed: not before the candidate may see its score (./score-visibility.ts)
	const graded = previous.find((a) => a.state === 'graded');
	if (
		s.exam.onlyAfterFail &&
		graded &&
		!(await attemptScoreShown(ctx.db, graded.id, ctx.now)).shown
	)
		throw new ConflictError('err_attempt_result_pending');
	const decision = canStartAttempt(
		previous.map((a) => coreAttempt(a)),
		retakePolicyOf(s.exam),
		passRulesOf(s.exam)
	);
	if (!decision.allowed) throw new RuleError(decision.reason!, decision.data ?? {});
	const started = coreStart(newAttempt(decision.nextNumber), {
		now: ctx.now,
		durationMinutes: s.exam.durationMinutes,
		window: { opensAt: s.sitting.opensAt, closesAt: s.sitting.closesAt }
	});
	// 资格: judged now, as the attempt starts (credits earned until today count)
	const credits = (await candidateStanding(ctx.db, [s.sitting], personId)).get(s.sitting.id);
	if (credits && !credits.eligible) throw new RuleError(credits.reason.code, credits.reason.data);
	const attempt = {
		sittingId: s.sitting.id,
		examId: s.exam.id,
		personId,
		number: decision.nextNumber,
		startedAt: started.startedAt!,
		deadline: started.deadline!,
		deviceId: s.sitting.oneDevice ? (input.deviceId ?? null) : null
	};
	const { stamp, signature } = signatureOf(s.exam, s.stamp ?? '');
	// written with the other starts of the moment, in one transaction (./start-group.ts), unless
	// another start of this person's at this exam wrote first. On exam day the paper prepared
	// before the window is there (./prepare.ts): one statement, which also makes sure of that
	let id = await startInGroup(
		ctx.db,
		async (tx) =>
			(await takePreparedPaper(tx, attempt, signature)) ??
			((await startedSince(tx, personId, s.exam.id, decision.nextNumber)) ? null : NOT_PREPARED)
	);
	// else a paper is drawn now, with a seed of its own, outside the write lock, then written
	if (id === NOT_PREPARED) {
		const drawn = drawPaper(
			await readyBank(ctx.db, s.exam.bankIds, stamp),
			s.exam.blueprint,
			`${s.sitting.id}:${personId}:${decision.nextNumber}:${randomUUID()}`
		);
		id = await startInGroup(ctx.db, async (tx) => {
			if (await startedSince(tx, personId, s.exam.id, decision.nextNumber)) return null;
			const paperId = await insertPaper(tx, drawn);
			const [row] = await tx
				.insert(examAttempt)
				.values({ ...attempt, state: 'in_progress', paperId, manualScores: {} })
				.onConflictDoNothing()
				.returning({ id: examAttempt.id });
			// not written after all: its paper is nobody's
			if (!row) await tx.delete(examPaper).where(eq(examPaper.id, paperId));
			return row?.id ?? null;
		});
	}
	// another start of this person's at this exam wrote first (a second tab, device or sitting):
	// judged again with its attempt there, this start resumes it or is refused as any later one is
	return id ?? startExamAttempt(ctx, input);
}

/**
 * The sitting, its exam, the roster check and the exam's banks' stamp in one read; every start
 * makes it, so it is built once (a prepared query).
 */
const startTarget = prepared((db) =>
	db
		.select({
			sitting,
			exam,
			rostered: sql<number>`${onRoster(sql.placeholder('personId'), sitting.id)}`,
			// what the paper prepared for the candidate must have been drawn from (./prepare.ts)
			stamp: bankStampSql(exam.bankIds)
		})
		.from(sitting)
		.innerJoin(exam, eq(exam.id, sitting.examId))
		.where(eq(sitting.id, sql.placeholder('sittingId')))
		.prepare()
);

/** What the first write of a start says when no prepared paper of the signature was there. */
const NOT_PREPARED = Symbol('not prepared');

/**
 * Whether the person has an attempt at the exam numbered `number` or higher: one started since
 * the retake rules were judged (on what was there before either start wrote). Read inside the
 * write, where the database serialises the starts, so that two starts at once in two sittings of
 * the exam cannot both become its attempt `number`.
 */
async function startedSince(tx: Tx, personId: number, examId: number, number: number) {
	const [row] = await tx
		.select({ id: examAttempt.id })
		.from(examAttempt)
		.where(
			and(
				eq(examAttempt.personId, personId),
				eq(examAttempt.examId, examId),
				gte(examAttempt.number, number)
			)
		)
		.limit(1);
	return row !== undefined;
}

// every start reads them: built once (a prepared query)
const attemptsOfPerson = prepared((db) =>
	db
		.select({
			id: examAttempt.id,
			sittingId: examAttempt.sittingId,
			examId: examAttempt.examId,
			number: examAttempt.number,
			state: examAttempt.state,
			startedAt: examAttempt.startedAt,
			deadline: examAttempt.deadline,
			submittedAt: examAttempt.submittedAt,
			autoSubmitted: examAttempt.autoSubmitted,
			gradedAt: examAttempt.gradedAt,
			manualScores: examAttempt.manualScores,
			grade: examAttempt.grade,
			deviceId: examAttempt.deviceId
		})
		.from(examAttempt)
		.where(eq(examAttempt.personId, sql.placeholder('personId')))
		.orderBy(desc(examAttempt.number))
		.prepare()
);

/**
 * The person's attempts at exam `examId` (in every sitting), newest first, after submitting any of
 * theirs (at any exam) still open past its deadline, so that the retake rules judge what is really
 * there: one read when nothing is overdue. Not the papers, which are the bulk of the rows.
 */
export async function attemptsOfExam(ctx: Ctx, personId: number, examId: number) {
	const mine = await attemptsOfPerson(ctx.db).all({ personId });
	const overdue = mine.filter((a) => a.state === 'in_progress' && a.deadline <= ctx.now);
	if (overdue.length > 0) {
		for (const { id } of overdue) await transact(ctx, (tx) => finishAttempt(tx, id));
		return attemptsOfExam(ctx, personId, examId);
	}
	return mine.filter((a) => a.examId === examId);
}

export function checkDevice(
	oneDevice: boolean,
	row: Pick<AttemptRow, 'deviceId'>,
	deviceId: string | undefined
) {
	if (oneDevice && row.deviceId !== null && row.deviceId !== deviceId)
		throw new ConflictError('err_attempt_other_device');
}

/** The candidate's own attempt (anyone else's is not found), closed first if it is overdue. */
export async function ownAttempt(
	ctx: Ctx,
	attemptId: number,
	deviceId?: string
): Promise<AttemptWithPaper & { oneDevice: boolean; closesAt: Date; releasedAt: Date | null }> {
	const personId = candidateOf(ctx);
	const [row] = await ctx.db
		.select({
			attempt: attemptWithPaper,
			oneDevice: sitting.oneDevice,
			closesAt: sitting.closesAt,
			releasedAt: sitting.releasedAt
		})
		.from(examAttempt)
		.innerJoin(examPaper, paperOfAttempt)
		.innerJoin(sitting, eq(sitting.id, examAttempt.sittingId))
		.where(and(eq(examAttempt.id, attemptId), eq(examAttempt.personId, personId)));
	if (!row) throw new NotFoundError();
	// past its deadline it is submitted whichever device asks: nothing more can be answered, and
	// the owner on another device then sees the result instead of a refusal until the sweep
	if (row.attempt.state === 'in_progress' && ctx.now >= row.attempt.deadline) {
		await transact(ctx, (tx) => finishAttempt(tx, attemptId));
		return ownAttempt(ctx, attemptId, deviceId);
	}
	if (row.attempt.state === 'in_progress') checkDevice(row.oneDevice, row.attempt, deviceId);
	if (
		row.oneDevice &&
		row.attempt.state === 'in_progress' &&
		row.attempt.deviceId === null &&
		deviceId !== undefined
	) {
		// released by a proctor (integrity.ts): the first device to come back is the attempt's now
		await transact(ctx, (tx) =>
			tx.db
				.update(examAttempt)
				.set({ deviceId })
				.where(and(eq(examAttempt.id, attemptId), sql`${examAttempt.deviceId} IS NULL`))
		);
		return ownAttempt(ctx, attemptId, deviceId);
	}
	return {
		...row.attempt,
		oneDevice: row.oneDevice,
		closesAt: row.closesAt,
		releasedAt: row.releasedAt
	};
}

/**
 * What a save batch did: each save applied, or kept back because the server already held one with
 * the same or a higher sequence number. When what it holds is a different answer, `held` gives
 * that answer's number: another page of the candidate's (a second tab, another device) answered
 * the question since, and the page that sent this one learns so instead of taking it for saved.
 */
export type SaveResult =
	| {
			kind: 'saved';
			saved: { questionId: string; seq: number; applied: boolean; held?: number }[];
	  }
	| { kind: 'closed'; state: AttemptRow['state']; timeUp: boolean };

/**
 * What a save needs to know of the attempt, in one short read: whose it is, its device, its state
 * and deadline and the questions on its paper (not the paper itself, which is the bulk of the
 * row); built once (db/prepared.ts), read afresh every time.
 */
const saveTarget = prepared((db) =>
	db
		.select({
			id: examAttempt.id,
			state: examAttempt.state,
			deadline: examAttempt.deadline,
			autoSubmitted: examAttempt.autoSubmitted,
			deviceId: examAttempt.deviceId,
			questionIds: examPaper.questionIds,
			answerShapes: examPaper.answerShapes,
			oneDevice: sitting.oneDevice,
			// how fast it has been saved to (auth/rate-meter.ts): advanced by the save's own write
			meter: meterReading
		})
		.from(examAttempt)
		.innerJoin(sitting, eq(sitting.id, examAttempt.sittingId))
		.innerJoin(examPaper, paperOfAttempt)
		.leftJoin(loginThrottle, eq(loginThrottle.key, saveMeterKey(examAttempt.id)))
		.where(
			and(
				eq(examAttempt.id, sql.placeholder('attemptId')),
				eq(examAttempt.personId, sql.placeholder('personId'))
			)
		)
		.prepare()
);

/**
 * Saves answers as they are given. Each save carries the sender's sequence number: a save whose
 * number is not above the stored one (late, repeated, or overtaken by a newer one from the same
 * candidate) changes nothing, so retries and an offline queue sent late are harmless. After the
 * deadline nothing is saved: the attempt is submitted and the answer says why. The request costs
 * the session check, one read of the attempt and its part of a shared write (./save-group.ts).
 */
export async function saveAnswers(
	ctx: Ctx,
	input: {
		attemptId: SaveAnswersInput['attemptId'];
		saves: SaveBatch['saves'];
		deviceId?: string;
	}
): Promise<SaveResult> {
	const personId = candidateOf(ctx);
	const [row] = await saveTarget(ctx.db).all({
		attemptId: input.attemptId,
		personId
	});
	if (!row) throw new NotFoundError();
	if (row.state !== 'in_progress')
		return { kind: 'closed', state: row.state, timeUp: row.autoSubmitted };
	checkDevice(row.oneDevice, row, input.deviceId);
	if (ctx.now >= row.deadline) return closedResult(ctx, input);
	const known = new Set(row.questionIds);
	const bad = input.saves.find((s) => !known.has(s.questionId));
	if (bad) throw new InvalidInputError({ saves: ['err_attempt_unknown_question'] });
	const shapes = row.answerShapes ?? {};
	const misfit = input.saves.find((s) => {
		const shape = shapes[s.questionId];
		return shape !== undefined && !fitsShape(shape, s.response);
	});
	if (misfit) throw new InvalidInputError({ saves: ['err_attempt_answer_misfit'] });
	// a script flooding saves is held to the page's pace; the page keeps the answers and sends them
	// again after the wait it is told (save-queue.svelte.ts)
	const wait = meterWait(row.meter, ctx.now, SAVE_RATE, input.saves.length);
	if (wait > 0)
		throw new RateLimitedError('exam_save_rate_limited', { seconds: waitSeconds(wait) });
	// a response that says nothing (a field emptied without JavaScript) is a cleared answer: stored
	// as null, so that "answered" is a row with a response, counted by SQL on exam day
	const saves = input.saves.map((s) => ({
		...s,
		response: isAnswered(s.response) ? s.response : null
	}));
	const outcome = await saveInGroup(ctx.db, { attemptId: row.id, at: ctx.now.getTime(), saves });
	if (outcome.kind === 'closed') return closedResult(ctx, input);
	const kept = saves.filter((_, i) => !outcome.applied[i]);
	const stored = await storedAnswers(
		ctx.db,
		row.id,
		kept.map((s) => s.questionId)
	);
	return {
		kind: 'saved',
		saved: saves.map((s, i) => {
			const applied = outcome.applied[i]!;
			const other = applied ? undefined : stored.get(s.questionId);
			// kept back, and what the server holds is not this answer: another page's, or newer
			const overtaken =
				other !== undefined &&
				(JSON.stringify(other.response) !== JSON.stringify(s.response) ||
					other.flagged !== s.flagged);
			return {
				questionId: s.questionId,
				seq: s.seq,
				applied,
				...(overtaken ? { held: other.seq } : {})
			};
		})
	};
}

/**
 * The answers stored for questions whose saves were kept back. That is rare (a retry, a late
 * queue, a second page), so an ordinary save costs no read here.
 */
async function storedAnswers(db: ReadDb, attemptId: number, questionIds: readonly string[]) {
	const rows =
		questionIds.length === 0
			? []
			: await db
					.select({
						questionId: examAnswer.questionId,
						seq: examAnswer.seq,
						response: examAnswer.response,
						flagged: examAnswer.flagged
					})
					.from(examAnswer)
					.where(
						and(eq(examAnswer.attemptId, attemptId), inArray(examAnswer.questionId, questionIds))
					);
	return new Map(rows.map((r) => [r.questionId, r]));
}

/** The answer to a save that came too late: the attempt as it stands, submitted first if overdue. */
async function closedResult(
	ctx: Ctx,
	input: { attemptId: number; deviceId?: string }
): Promise<SaveResult> {
	const row = await ownAttempt(ctx, input.attemptId, input.deviceId);
	return { kind: 'closed', state: row.state, timeUp: row.autoSubmitted };
}

/** The highest sequence number saved for an attempt (a new page continues above it). */
export async function lastSeq(db: ReadDb, attemptId: number): Promise<number> {
	const [row] = await db
		.select({ seq: sql<number | null>`max(${examAnswer.seq})` })
		.from(examAnswer)
		.where(eq(examAnswer.attemptId, attemptId));
	return row?.seq ?? 0;
}

/**
 * The candidate submits: graded at once (essays wait for a grader). The attempt is checked with
 * the save's short read, not the whole row: the paper is read once, by the grading.
 */
export async function submitExamAttempt(
	ctx: Ctx,
	input: SubmitAttemptInput & { deviceId?: string }
): Promise<{ kind: 'submitted'; attemptId: number }> {
	const [row] = await saveTarget(ctx.db).all({
		attemptId: input.attemptId,
		personId: candidateOf(ctx)
	});
	if (!row) throw new NotFoundError();
	if (row.state === 'in_progress') {
		// past its deadline it is submitted whichever device asks (as ownAttempt does)
		if (ctx.now < row.deadline) checkDevice(row.oneDevice, row, input.deviceId);
		await transact(ctx, (tx) => finishAttempt(tx, row.id));
	}
	return { kind: 'submitted', attemptId: row.id };
}
