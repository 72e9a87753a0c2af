/**
 * Papers drawn ahead of the window. On exam day the whole roster presses start within seconds of
 * the window opening; drawing each paper then (and building its candidate view, and writing both)
 * is what kept them waiting. So, in the minutes before a sitting opens, a background job (one
 * process at a time, by lease, like the deadline sweep) draws a paper for every rostered candidate
 * who has not started, in short chunks, and keeps it as a *prepared* paper: not an attempt (no
 * deadline, nothing started), shown by no route. Starting checks every rule as before and then
 * takes the candidate's prepared paper if it was drawn from the bank and blueprint as they are now
 * (its signature); otherwise (a late roster addition, a bank changed since) it draws at start.
 * Every candidate still gets a randomised paper of their own, seen only once they start.
 */
import { createHash, randomUUID } from 'node:crypto';
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { and, eq, gt, inArray, lte, notExists, sql } from 'drizzle-orm';
import { type Blueprint, type Paper, type QuestionBank, assemblePaper } from '@xuefa/core';
import { write } from '../../context.ts';
import type { Db, ReadDb, Tx } from '../../db/index.ts';
import {
	exam,
	examAttempt,
	examPaper,
	examPreparedPaper,
	person,
	sitting
} from '../../db/schema/index.ts';
import { startLeasedJob } from '../../jobs/periodic.ts';
import { type AnswerShapes, answerShapes } from '$lib/exams/answer-shape.ts';
import type { PaperView } from '$lib/exams/paper-view.ts';
import { paperView } from './paper-view.ts';
import { bankStamp, readyBank } from './questions.ts';
import { onRoster } from './sittings.ts';

const LEASE = 'exam.prepare_papers';

/** What an exam's papers are drawn from: its banks' ready questions and its blueprint. */
export interface DrawSource {
	bankIds: readonly number[];
	blueprint: Blueprint;
}

/**
 * The signature of what a paper of `e` would be drawn from now: the ready questions (their
 * {@link bankStamp}) and the banks and blueprint. A prepared paper whose signature differs was
 * drawn from something that has changed since, and is not used.
 */
export async function paperSignature(
	db: ReadDb,
	e: DrawSource
): Promise<{ stamp: string; signature: string }> {
	return signatureOf(e, await bankStamp(db, e.bankIds));
}

/** {@link paperSignature} with the banks' stamp read already (read with the start's, ./attempts.ts). */
export function signatureOf(e: DrawSource, stamp: string): { stamp: string; signature: string } {
	const rules = createHash('sha256')
		.update(JSON.stringify([e.bankIds, e.blueprint]))
		.digest('base64url')
		.slice(0, 16);
	return { stamp, signature: `${stamp}|${rules}` };
}

/** A paper drawn with `seed`, with what is kept beside it: its question ids and candidate view. */
export interface Drawn {
	seed: string;
	paper: Paper;
	questionIds: string[];
	view: PaperView;
	answerShapes: AnswerShapes;
}

/** Draws one paper from an indexed bank (./questions.ts `readyBank`). */
export function drawPaper(bank: QuestionBank, blueprint: Blueprint, seed: string): Drawn {
	const paper = assemblePaper(bank, blueprint, seed);
	const view = paperView(paper);
	return {
		seed,
		paper,
		questionIds: paper.sections.flatMap((s) => s.items.map((i) => i.question.id)),
		view,
		answerShapes: answerShapes(view)
	};
}

/** Writes a paper drawn; returns its id. */
export async function insertPaper(tx: Tx, drawn: Drawn): Promise<number> {
	const [row] = await tx.insert(examPaper).values(drawn).returning({ id: examPaper.id });
	return row!.id;
}

/** The attempt to write, but for its paper. */
export interface AttemptHead {
	sittingId: number;
	examId: number;
	personId: number;
	number: number;
	startedAt: Date;
	deadline: Date;
	deviceId: string | null;
}

/**
 * Writes the attempt with the person's prepared paper (if its signature is still `signature`),
 * inside the caller's transaction, in one statement: the attempt points to the paper (written when
 * it was prepared, never copied nor read back into the process), and its insert removes the
 * prepared row, which leaves a paper an attempt has (triggers, drizzle/0041 and 0042). Returns the
 * new attempt's id, or null when there was no such paper, or the person has an attempt at the exam
 * numbered `a.number` or higher already (another start wrote first).
 */
export async function takePreparedPaper(
	tx: Tx,
	a: AttemptHead,
	signature: string
): Promise<number | null> {
	const [row] = await tx.all<{ id: number }>(sql`
		INSERT INTO ${examAttempt} (sitting_id, exam_id, person_id, number, state, paper_id,
			started_at, deadline, device_id, manual_scores)
		SELECT ${a.sittingId}, ${a.examId}, ${a.personId}, ${a.number}, 'in_progress', paper_id,
			${a.startedAt.getTime()}, ${a.deadline.getTime()}, ${a.deviceId}, '{}'
		FROM ${examPreparedPaper}
		WHERE sitting_id = ${a.sittingId} AND person_id = ${a.personId} AND signature = ${signature}
			AND NOT EXISTS (SELECT 1 FROM ${examAttempt} WHERE person_id = ${a.personId}
				AND exam_id = ${a.examId} AND number >= ${a.number})
		ON CONFLICT DO NOTHING
		RETURNING id`);
	return row?.id ?? null;
}

/** How far ahead, how many per write and how long one round may take (see the job below). */
export interface PrepareOptions {
	/** Sittings opening within this many ms from now (and those open now) get papers. */
	aheadMs: number;
	/** Papers drawn and written per transaction: short, so saves and starts go between. */
	chunk: number;
	/** A round stops after this long; the next round continues. */
	budgetMs: number;
}

const DEFAULTS: PrepareOptions = { aheadMs: 30 * 60_000, chunk: 50, budgetMs: 10_000 };

/**
 * Draws prepared papers for the candidates of the sittings opening soon (or open) who have
 * neither an attempt there nor a prepared paper of the current signature; a stale prepared
 * paper is replaced, and those of closed sittings removed. Works in chunks of its own transaction
 * each, until done or out of time. Returns how many papers it drew.
 */
export async function preparePapers(
	db: ReadDb,
	now: Date,
	options: Partial<PrepareOptions> = {}
): Promise<number> {
	const { aheadMs, chunk, budgetMs } = { ...DEFAULTS, ...options };
	const until = performance.now() + budgetMs;
	// the papers nobody took: their sitting has closed
	await write(db, (tx) =>
		tx
			.delete(examPreparedPaper)
			.where(
				inArray(
					examPreparedPaper.sittingId,
					tx.select({ id: sitting.id }).from(sitting).where(lte(sitting.closesAt, now))
				)
			)
	);
	const soon = await db
		.select({ id: sitting.id, bankIds: exam.bankIds, blueprint: exam.blueprint })
		.from(sitting)
		.innerJoin(exam, eq(exam.id, sitting.examId))
		.where(
			and(
				eq(exam.status, 'published'),
				lte(sitting.opensAt, new Date(now.getTime() + aheadMs)),
				gt(sitting.closesAt, now)
			)
		);
	let drawn = 0;
	for (const s of soon) {
		const { stamp, signature } = await paperSignature(db, s);
		for (;;) {
			if (performance.now() > until) return drawn;
			const waiting = await unprepared(db, s.id, signature, chunk);
			if (waiting.length === 0) break;
			const bank = await readyBank(db, s.bankIds, stamp);
			const papers: { personId: number; drawn: Drawn }[] = [];
			for (const personId of waiting) {
				const seed = `${s.id}:${personId}:prepared:${randomUUID()}`;
				papers.push({ personId, drawn: drawPaper(bank, s.blueprint, seed) });
				// a paper costs milliseconds (more while the bank's texts are first rendered): the
				// requests waiting meanwhile go first
				await yieldToRequests();
			}
			// two statements for the chunk: the papers, then the rows that keep them for their people
			await write(db, async (tx) => {
				const written = await tx
					.insert(examPaper)
					.values(papers.map((p) => p.drawn))
					.returning({ id: examPaper.id, seed: examPaper.seed });
				// (each seed is its own: the order rows come back in is not promised)
				const idOf = new Map(written.map((w) => [w.seed, w.id]));
				await tx
					.insert(examPreparedPaper)
					.values(
						papers.map((p) => ({
							sittingId: s.id,
							personId: p.personId,
							signature,
							paperId: idOf.get(p.drawn.seed)!,
							preparedAt: now
						}))
					)
					// a stale paper replaced goes with it (a trigger, drizzle/0042)
					.onConflictDoUpdate({
						target: [examPreparedPaper.sittingId, examPreparedPaper.personId],
						set: {
							signature: sql`excluded.signature`,
							paperId: sql`excluded.paper_id`,
							preparedAt: sql`excluded.prepared_at`
						}
					});
			});
			drawn += papers.length;
		}
	}
	return drawn;
}

/** Up to `limit` people on the roster of sitting `sittingId` who still need a prepared paper. */
async function unprepared(db: ReadDb, sittingId: number, signature: string, limit: number) {
	const rows = await db
		.select({ id: person.id })
		.from(person)
		.innerJoin(sitting, eq(sitting.id, sittingId))
		.where(
			and(
				onRoster(person.id, sitting.id),
				notExists(
					db
						.select({ one: sql`1` })
						.from(examAttempt)
						.where(and(eq(examAttempt.sittingId, sitting.id), eq(examAttempt.personId, person.id)))
				),
				notExists(
					db
						.select({ one: sql`1` })
						.from(examPreparedPaper)
						.where(
							and(
								eq(examPreparedPaper.sittingId, sitting.id),
								eq(examPreparedPaper.personId, person.id),
								eq(examPreparedPaper.signature, signature)
							)
						)
				)
			)
		)
		.limit(limit);
	return rows.map((r) => r.id);
}

/**
 * Starts this process's periodic preparation: every `everyMs`, if it holds (or can take) the
 * lease. The timer does not keep the process alive.
 */
export function startPaperPreparation(db: Db, everyMs = 15_000): () => void {
	return startLeasedJob(db, {
		lease: LEASE,
		everyMs,
		// a round takes at most budgetMs; the lease outlasts it
		leaseMs: everyMs * 2 + DEFAULTS.budgetMs,
		run: (now) => preparePapers(db, now),
		done: 'exam papers prepared',
		failed: 'exam paper preparation failed'
	});
}
