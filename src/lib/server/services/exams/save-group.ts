/**
 * Group commit of the exam page's answer saves (db/group-commit.ts): the saves that arrive while a
 * write transaction runs are written together by the next one, each request with its own outcome.
 * A batch is checked (owner, device, questions) before it joins, so one request cannot fail the
 * others.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Response } from '@xuefa/core';
import type { ReadDb, Tx } from '../../db/index.ts';
import { SAVE_RATE, advanceMeters, saveMeterKey } from '../../auth/rate-meter.ts';
import { groupCommit } from '../../db/group-commit.ts';
import { examAnswer, examAttempt } from '../../db/schema/index.ts';

/** The saves of one request, already checked against the attempt it names. */
export interface SaveBatch {
	attemptId: number;
	/** The request's time: nothing is written at or after the attempt's deadline. */
	at: number;
	saves: readonly {
		questionId: string;
		seq: number;
		response: Response | null;
		flagged: boolean;
	}[];
}

/** Each save applied, or kept back (a newer one was there); or the attempt had closed meanwhile. */
export type BatchOutcome = { kind: 'saved'; applied: boolean[] } | { kind: 'closed' };

const saves = groupCommit<SaveBatch, BatchOutcome>(async (tx, batches) =>
	(await writeBatches(tx, batches)).map((value) => ({ ok: true as const, value }))
);

/** Saves one request's batch with whatever else is waiting; resolves with this batch's outcome. */
export function saveInGroup(db: ReadDb, batch: SaveBatch): Promise<BatchOutcome> {
	return saves.join(db, batch);
}

/** How many batches wait for the next transaction (for tests). */
export const waitingBatches = (db: ReadDb): number => saves.waiting(db);

/**
 * Writes the batches inside one transaction: one read of the attempts' states (an attempt may have
 * been submitted since its request was checked: by its candidate elsewhere, a proctor or another
 * process's deadline sweep), then one statement per answer.
 */
async function writeBatches(db: Tx, batches: readonly SaveBatch[]): Promise<BatchOutcome[]> {
	const ids = [...new Set(batches.map((b) => b.attemptId))];
	const rows = await db
		.select({ id: examAttempt.id, state: examAttempt.state, deadline: examAttempt.deadline })
		.from(examAttempt)
		.where(inArray(examAttempt.id, ids));
	const open = new Map(rows.map((r) => [r.id, r]));
	const out: BatchOutcome[] = [];
	for (const b of batches) {
		const row = open.get(b.attemptId);
		if (!row || row.state !== 'in_progress' || row.deadline.getTime() <= b.at) {
			out.push({ kind: 'closed' });
			continue;
		}
		const applied: boolean[] = [];
		for (const s of b.saves) {
			// null for a response that says nothing (saveAnswers normalises it)
			const response = s.response === null ? null : JSON.stringify(s.response);
			// one statement: written only while the attempt is open and before its deadline, and only
			// over an older sequence number (a late, repeated or overtaken save changes nothing)
			const result = await db.run(sql`
				INSERT INTO ${examAnswer} (attempt_id, question_id, response, flagged, seq, saved_at)
				SELECT ${b.attemptId}, ${s.questionId}, ${response},
					${s.flagged ? 1 : 0}, ${s.seq}, ${b.at}
				FROM ${examAttempt}
				WHERE ${examAttempt.id} = ${b.attemptId} AND ${examAttempt.state} = 'in_progress'
					AND ${examAttempt.deadline} > ${b.at}
				ON CONFLICT (attempt_id, question_id) DO UPDATE SET
					response = excluded.response, flagged = excluded.flagged, seq = excluded.seq,
					saved_at = excluded.saved_at
				WHERE excluded.seq > ${examAnswer.seq}`);
			applied.push(result.rowsAffected > 0);
		}
		out.push({ kind: 'saved', applied });
	}
	// the meters of the attempts saved to (saveAnswers reads them): one statement for the group
	const uses = batches.flatMap((b, i) =>
		out[i]!.kind === 'saved'
			? [{ key: saveMeterKey(b.attemptId), weight: b.saves.length, at: b.at }]
			: []
	);
	if (uses.length > 0) await db.run(advanceMeters(uses, SAVE_RATE));
	return out;
}
