/**
 * A pass that a promotion case relied on and that no longer holds: voided for cheating, regraded
 * to a fail (or back to awaiting a grader), or outranked by a later attempt of its sitting that the
 * exam's policy counts instead (a fail after it under "the last counts") after the gate opened on
 * it or the appointment was made with it. Nothing is stored for it: it is read from the check the case relied on (the appointment's,
 * or the last one that opened the gate) and the pass record as it stands, so that it cannot go stale.
 * The gate itself re-reads the records on every check (a case not yet appointed is blocked at once);
 * this says why, when and by whom, and flags an appointment made on it for HR to review. HR's
 * review (lapse_review) covers that one change: a later one flags the case again.
 */
import { and, desc, eq, inArray, max } from 'drizzle-orm';
import type { ReadDb } from '../../db/index.ts';
import {
	appointment,
	auditEntry,
	examAttempt,
	gateCheck,
	lapseReview,
	passRecord,
	user
} from '../../db/schema/index.ts';
import { attemptsToCount, countingByPerson } from '../exams/counting.ts';

/** How the relied-on pass stopped being one. */
export type LapseChange = 'voided' | 'failed' | 'pending' | 'superseded';

/** The pass a case relied on, as it stands now, with what changed it. */
export interface EvidenceLapse {
	attemptId: number;
	takenOn: string;
	change: LapseChange;
	/**
	 * The score the case relied on, and the score now (null when voided or awaiting a grader; when
	 * outranked, the score of the attempt that counts instead).
	 */
	scoreBefore: number | null;
	scoreNow: number | null;
	/** The attempt of the same sitting that counts instead, when outranked. */
	supersededBy: number | null;
	/** When it changed (ms), who changed it and why, where the exam module recorded it. */
	at: number;
	by: string | null;
	reason: string | null;
	/** The case was appointed on it: HR reviews it (an appointment is never undone by itself). */
	appointed: boolean;
	/** HR's review of this very change (an appointed case only); null while it is to be reviewed. */
	review: LapseReview | null;
}

/** What HR concluded on an appointment whose evidence lapsed: who, when (ms), the note. */
export interface LapseReview {
	by: string | null;
	at: number;
	note: string;
}

/** Whether HR still has to act on the lapse: the gate blocks the case, or the appointment awaits review. */
export const lapseOpen = (l: EvidenceLapse) => !l.appointed || l.review === null;

/** The actions of the exam module that change an attempt's pass record. */
const CHANGES = [
	'exam.attempt.voided',
	'exam.attempt.regraded',
	'exam.mark.changed',
	'exam.mark.given'
] as const;

/** A case as this reads it: its state and whether the gate lets it through now (null: not checked). */
export interface LapseCase {
	id: number;
	state: string;
	allowedNow: boolean | null;
}

/**
 * For each case that relied on a pass which no longer holds, what happened to it. Only an appointed
 * case, or an open or postponed one the gate now blocks, is looked at: one the gate still lets
 * through rests on evidence that holds (a later pass, an exemption).
 */
export async function evidenceLapses(
	db: ReadDb,
	cases: readonly LapseCase[]
): Promise<Map<number, EvidenceLapse>> {
	const out = new Map<number, EvidenceLapse>();
	const appointed = cases.filter((c) => c.state === 'appointed').map((c) => c.id);
	const blocked = cases
		.filter((c) => (c.state === 'open' || c.state === 'postponed') && c.allowedNow === false)
		.map((c) => c.id);
	if (appointed.length === 0 && blocked.length === 0) return out;
	// the check each case relied on: the appointment's, or the last one that let it through
	const relied = new Map<number, number>();
	if (appointed.length > 0)
		for (const a of await db
			.select({ caseId: appointment.caseId, checkId: appointment.gateCheckId })
			.from(appointment)
			.where(inArray(appointment.caseId, appointed)))
			if (a.caseId !== null && a.checkId !== null) relied.set(a.caseId, a.checkId);
	if (blocked.length > 0)
		for (const g of await db
			.select({ caseId: gateCheck.caseId, checkId: max(gateCheck.id) })
			.from(gateCheck)
			.where(and(inArray(gateCheck.caseId, blocked), eq(gateCheck.allowed, true)))
			.groupBy(gateCheck.caseId))
			if (g.checkId !== null) relied.set(g.caseId, g.checkId);
	if (relied.size === 0) return out;
	const checks = await db
		.select({ id: gateCheck.id, caseId: gateCheck.caseId, log: gateCheck.log })
		.from(gateCheck)
		.where(inArray(gateCheck.id, [...relied.values()]));
	// the pass each check counted (none when an exemption let the case through)
	const passOf = new Map<number, { attemptId: number; score: number | null }>();
	for (const c of checks) {
		const ev = c.log.result.evidence.find((e) => e.use === 'counted' && e.outcome === 'pass');
		if (ev)
			passOf.set(c.caseId, {
				attemptId: Number(ev.attemptId),
				score: typeof ev.score === 'number' ? ev.score : null
			});
	}
	const attemptIds = [...new Set([...passOf.values()].map((p) => p.attemptId))];
	if (attemptIds.length === 0) return out;
	const records = new Map(
		(
			await db
				.select({
					attemptId: passRecord.attemptId,
					takenOn: passRecord.takenOn,
					sittingId: passRecord.sittingId,
					personId: passRecord.personId,
					status: passRecord.status,
					passed: passRecord.passed,
					score: passRecord.score,
					updatedAt: passRecord.updatedAt,
					voidReason: examAttempt.voidReason
				})
				.from(passRecord)
				.innerJoin(examAttempt, eq(examAttempt.id, passRecord.attemptId))
				.where(inArray(passRecord.attemptId, attemptIds))
		).map((r) => [r.attemptId, r])
	);
	const outranked = await outrankedBy(db, [...records.values()]);
	const lapsed = attemptIds.filter((id) => {
		const r = records.get(id);
		return r !== undefined && (r.status !== 'graded' || r.passed !== true || outranked.has(id));
	});
	if (lapsed.length === 0) return out;
	const changes = await lastChanges(db, lapsed);
	const reviews = await reviewsOf(
		db,
		appointed.filter((id) => passOf.has(id))
	);
	for (const [caseId, pass] of passOf) {
		const r = records.get(pass.attemptId);
		if (!r || !lapsed.includes(pass.attemptId)) continue;
		const counting = outranked.get(pass.attemptId);
		const change: LapseChange =
			r.status === 'voided'
				? 'voided'
				: r.status === 'pending'
					? 'pending'
					: r.passed
						? 'superseded'
						: 'failed';
		// outranked: the change is the other attempt's grade, by the candidate's own retake
		const audit = change === 'superseded' ? undefined : changes.get(pass.attemptId);
		const at = (audit?.at ?? (change === 'superseded' ? counting!.at : r.updatedAt)).getTime();
		// a review covers the change it was made on; a later change of the pass is a new lapse
		const review =
			reviews
				.get(caseId)
				?.find((v) => v.attemptId === pass.attemptId && v.lapsedAt.getTime() >= at) ?? null;
		out.set(caseId, {
			attemptId: pass.attemptId,
			takenOn: r.takenOn,
			change,
			scoreBefore: pass.score,
			scoreNow: change === 'failed' ? r.score : change === 'superseded' ? counting!.score : null,
			supersededBy: change === 'superseded' ? counting!.id : null,
			at,
			by: audit?.by ?? null,
			reason: change === 'voided' ? r.voidReason : (audit?.comment ?? null),
			appointed: appointed.includes(caseId),
			review: review && { by: review.by, at: review.reviewedAt.getTime(), note: review.note }
		});
	}
	return out;
}

/**
 * For each relied-on pass that its sitting no longer counts, the attempt counted instead when that
 * one did not pass (its id, score and when it was graded): the sitting's attempts by the candidate
 * under the exam's policy, read as the sitting's results read them (countingByPerson). A better or
 * later pass counted instead still backs the case: no lapse.
 */
async function outrankedBy(
	db: ReadDb,
	relied: readonly { attemptId: number; sittingId: number; personId: number }[]
) {
	const out = new Map<number, { id: number; score: number | null; at: Date }>();
	if (relied.length === 0) return out;
	const rows = await attemptsToCount(
		db,
		{
			gradedAt: examAttempt.gradedAt,
			submittedAt: examAttempt.submittedAt,
			startedAt: examAttempt.startedAt
		},
		and(
			inArray(examAttempt.sittingId, [...new Set(relied.map((r) => r.sittingId))]),
			inArray(examAttempt.personId, [...new Set(relied.map((r) => r.personId))])
		)
	);
	for (const r of relied) {
		const mine = rows.filter((a) => a.sittingId === r.sittingId && a.personId === r.personId);
		if (mine.length === 0) continue;
		const counting = countingByPerson(mine, mine[0]!.counts).get(r.personId)?.counting;
		if (counting && counting.id !== r.attemptId && counting.passed !== true)
			out.set(r.attemptId, {
				id: counting.id,
				score: counting.score,
				at: counting.gradedAt ?? counting.submittedAt ?? counting.startedAt
			});
	}
	return out;
}

/** HR's reviews of each case's lapses, newest first. */
async function reviewsOf(db: ReadDb, caseIds: readonly number[]) {
	const out = new Map<
		number,
		{ attemptId: number; lapsedAt: Date; note: string; reviewedAt: Date; by: string | null }[]
	>();
	if (caseIds.length === 0) return out;
	const rows = await db
		.select({
			caseId: lapseReview.caseId,
			attemptId: lapseReview.attemptId,
			lapsedAt: lapseReview.lapsedAt,
			note: lapseReview.note,
			reviewedAt: lapseReview.reviewedAt,
			by: user.displayName
		})
		.from(lapseReview)
		.leftJoin(user, eq(user.id, lapseReview.reviewedBy))
		.where(inArray(lapseReview.caseId, caseIds))
		.orderBy(desc(lapseReview.id));
	for (const { caseId, ...r } of rows) out.set(caseId, [...(out.get(caseId) ?? []), r]);
	return out;
}

/** The latest audited change of each attempt's outcome: when, by whom, a grader's comment. */
async function lastChanges(db: ReadDb, attemptIds: readonly number[]) {
	const rows = await db
		.select({
			entityId: auditEntry.entityId,
			at: auditEntry.at,
			after: auditEntry.after,
			by: user.displayName
		})
		.from(auditEntry)
		.leftJoin(user, eq(user.id, auditEntry.actorUserId))
		.where(
			and(
				eq(auditEntry.entityType, 'exam_attempt'),
				inArray(
					auditEntry.entityId,
					attemptIds.map((id) => String(id))
				),
				inArray(auditEntry.action, CHANGES)
			)
		)
		.orderBy(desc(auditEntry.seq));
	const out = new Map<number, { at: Date; by: string | null; comment: string | null }>();
	for (const r of rows) {
		const id = Number(r.entityId);
		if (out.has(id)) continue;
		const after = r.after as { comment?: unknown } | null;
		const comment = typeof after?.comment === 'string' && after.comment ? after.comment : null;
		out.set(id, { at: r.at, by: r.by, comment });
	}
	return out;
}
