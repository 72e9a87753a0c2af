/**
 * Group commit of the exam page's answer saves. A process writes one transaction at a time
 * (context.ts), each with its statements and bookkeeping, and every answer is acknowledged only
 * once on disk (db/wal-sync.ts). So the saves that arrive while a write transaction runs are not
 * queued one transaction each: they wait together, and the next transaction writes all of them,
 * sharing its cost and its flush. Each request still gets its own outcome. A batch is checked (owner, device,
 * questions) before it joins, so one request cannot fail the others; should the shared
 * transaction fail anyway, each batch is tried again in a transaction of its own (except when the
 * database stayed busy: then every request of the group gets the busy answer, "try again").
 */
import { inArray, sql } from 'drizzle-orm';
import type { Response } from '@xuefa/core';
import { transact } from '../../context.ts';
import type { ReadDb, Tx } from '../../db/index.ts';
import { examAnswer, examAttempt } from '../../db/schema/index.ts';
import { DatabaseBusyError } from '../../errors.ts';

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

interface Waiting {
	batch: SaveBatch;
	resolve: (outcome: BatchOutcome) => void;
	reject: (e: unknown) => void;
}

interface Group {
	waiting: Waiting[];
	/** A transaction is queued that will take everything waiting when it starts. */
	queued: boolean;
}

// per database handle: the app has one, the tests one per database
const groups = new WeakMap<ReadDb, Group>();

function groupOf(db: ReadDb): Group {
	let group = groups.get(db);
	if (!group) groups.set(db, (group = { waiting: [], queued: false }));
	return group;
}

/** Saves one request's batch with whatever else is waiting; resolves with this batch's outcome. */
export function saveInGroup(db: ReadDb, batch: SaveBatch): Promise<BatchOutcome> {
	return new Promise((resolve, reject) => {
		const group = groupOf(db);
		group.waiting.push({ batch, resolve, reject });
		if (!group.queued) {
			group.queued = true;
			void commitGroup(db, group);
		}
	});
}

/** How many batches wait for the next transaction (for tests). */
export function waitingBatches(db: ReadDb): number {
	return groups.get(db)?.waiting.length ?? 0;
}

async function commitGroup(db: ReadDb, group: Group): Promise<void> {
	let taken: Waiting[] = [];
	try {
		const outcomes = await transact({ db }, (tx) => {
			// the write lock is ours: everything waiting now goes in; later arrivals queue the next one
			taken = group.waiting;
			group.waiting = [];
			group.queued = false;
			return writeBatches(
				tx.db,
				taken.map((w) => w.batch)
			);
		});
		taken.forEach((w, i) => w.resolve(outcomes[i]!));
	} catch (e) {
		if (taken.length === 0) {
			// the transaction never began (the database stayed busy): nobody waiting can be saved now
			taken = group.waiting;
			group.waiting = [];
			group.queued = false;
		}
		if (taken.length === 1 || e instanceof DatabaseBusyError) {
			for (const w of taken) w.reject(e);
			return;
		}
		for (const w of taken)
			void transact({ db }, (tx) => writeBatches(tx.db, [w.batch])).then(
				([outcome]) => w.resolve(outcome!),
				w.reject
			);
	}
}

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
			// one statement: written only while the attempt is open and before its deadline, and only
			// over an older sequence number (a late, repeated or overtaken save changes nothing)
			const result = await db.run(sql`
				INSERT INTO ${examAnswer} (attempt_id, question_id, response, flagged, seq, saved_at)
				SELECT ${b.attemptId}, ${s.questionId}, ${s.response === null ? null : JSON.stringify(s.response)},
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
	return out;
}
