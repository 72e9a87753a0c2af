/**
 * The promotion gate as the app runs it: the case, its exemption claims and the candidate's
 * pre-appointment pass records read from the database, the core's `checkPromotion` deciding, and
 * every check written to the gate log with exactly what it read and decided. A change of outcome
 * goes to the audit chain once.
 */
import { and, eq } from 'drizzle-orm';
import {
	type ExamRecord,
	type PromotionCase,
	type PromotionDecision,
	checkPromotion
} from '@xuefa/core';
import type { ReadDb, Tx } from '../../db/index.ts';
import {
	exam,
	examAttempt,
	exemptionClaim,
	gateCheck,
	passRecord,
	person,
	promotionCase,
	promotionCaseSitting,
	user
} from '../../db/schema/index.ts';
import { transact } from '../../context.ts';
import { appendAudit } from '../audit/append.ts';
import { readPromotionPolicy } from './policy.ts';

export type CaseRow = typeof promotionCase.$inferSelect;

/** A case's exemption claims in the order recorded, each with the name of who recorded it. */
export function caseClaims(db: ReadDb, caseId: number) {
	return db
		.select({ claim: exemptionClaim, recorder: user.displayName })
		.from(exemptionClaim)
		.leftJoin(user, eq(user.id, exemptionClaim.recordedBy))
		.where(eq(exemptionClaim.caseId, caseId))
		.orderBy(exemptionClaim.id);
}

/** The case as the core reads it, but for its exemption claims (its post, route and dates). */
export function coreCaseOf(c: CaseRow): PromotionCase {
	const dates = (['nominatedOn', 'publicNoticeOn', 'publicNoticeEndsOn'] as const).flatMap((k) =>
		c[k] ? [[k, c[k]] as const] : []
	);
	return {
		id: String(c.id),
		personId: String(c.personId),
		proposedPost: c.proposedPost,
		leadingPost: c.leadingPost,
		appointmentRoute: c.appointmentRoute,
		...Object.fromEntries(dates)
	};
}

/** The case as the core reads it, with its exemption claims (recorded by name). */
async function coreCase(db: ReadDb, c: CaseRow): Promise<PromotionCase> {
	const claims = await caseClaims(db, c.id);
	return {
		...coreCaseOf(c),
		exemptionClaims: claims.map(({ claim, recorder }) => ({
			kind: claim.kind,
			documentName: claim.documentName,
			...(claim.documentNumber ? { documentNumber: claim.documentNumber } : {}),
			documentDate: claim.documentDate,
			recordedBy: recorder ?? '—',
			recordedOn: claim.recordedOn
		}))
	};
}

/**
 * The candidate's pre-appointment records as the core reads them. An attempt counts for this case
 * when HR put the candidate on its sitting from the case; any other is "for another case". Each
 * carries its number and the exam's policy, so that the core reads the attempt of a sitting that
 * counts as the sitting's results do (a pass then a fail under "the last counts" is no pass).
 */
async function examRecords(db: ReadDb, c: CaseRow): Promise<ExamRecord[]> {
	const rows = await db
		.select({
			record: passRecord,
			linked: promotionCaseSitting.caseId,
			number: examAttempt.number,
			counts: exam.counts
		})
		.from(passRecord)
		.innerJoin(examAttempt, eq(examAttempt.id, passRecord.attemptId))
		.innerJoin(exam, eq(exam.id, passRecord.examId))
		.leftJoin(
			promotionCaseSitting,
			and(
				eq(promotionCaseSitting.sittingId, passRecord.sittingId),
				eq(promotionCaseSitting.caseId, c.id)
			)
		)
		.where(and(eq(passRecord.personId, c.personId), eq(passRecord.kind, 'pre_appointment')));
	return rows.map(({ record: r, linked, number, counts }) => ({
		attemptId: String(r.attemptId),
		sittingId: String(r.sittingId),
		personId: String(r.personId),
		kind: r.kind,
		...(linked !== null ? { caseId: String(c.id) } : {}),
		takenOn: r.takenOn,
		status: r.status,
		...(r.score !== null ? { score: r.score } : {}),
		maxScore: r.maxScore,
		...(r.passed !== null ? { passed: r.passed } : {}),
		number,
		counts
	}));
}

/** A gate decision with the id of its log entry. */
export interface GateResult {
	decision: PromotionDecision;
	checkId: number;
}

/** The gate's decision on each case at `now`, read only: nothing is logged (see {@link checkGates}). */
async function judgeGates(
	db: ReadDb,
	cases: readonly CaseRow[],
	now: Date
): Promise<Map<number, PromotionDecision>> {
	const out = new Map<number, PromotionDecision>();
	if (cases.length === 0) return out;
	const policy = await readPromotionPolicy(db);
	for (const c of cases) {
		out.set(c.id, checkPromotion(await coreCase(db, c), await examRecords(db, c), policy, now));
	}
	return out;
}

/**
 * The gate on the open cases of a list (the case list, a personal record). A list is looked at all
 * day: it logs a check only for a case whose outcome changed since the last one stored (that
 * check is audited, as on the case page); otherwise it reads and writes nothing. The case page and
 * an appointment log every check (see {@link checkGates}).
 */
export async function gatesForList(
	ctx: { db: ReadDb; now: Date; user: { id: number } | null },
	cases: readonly CaseRow[]
): Promise<Map<number, PromotionDecision>> {
	const decisions = await judgeGates(ctx.db, cases, ctx.now);
	const changed = cases.filter((c) => decisions.get(c.id)!.allowed !== c.gateAllowed);
	if (changed.length > 0) {
		const logged = await transact(ctx, (tx) => checkGates(tx, changed, 'view'));
		for (const [id, { decision }] of logged) decisions.set(id, decision);
	}
	return decisions;
}

/**
 * Runs the gate on each case inside the caller's transaction and logs every check; a case whose
 * outcome changed (or was never checked) gets its new outcome stored and an audit entry.
 */
export async function checkGates(
	ctx: { db: Tx; now: Date; user: { id: number } | null },
	cases: readonly CaseRow[],
	purpose: 'view' | 'appointment'
): Promise<Map<number, GateResult>> {
	const out = new Map<number, GateResult>();
	if (cases.length === 0) return out;
	const decisions = await judgeGates(ctx.db, cases, ctx.now);
	for (const c of cases) {
		const decision = decisions.get(c.id)!;
		// the log serialises at once: the decision shares objects with its inputs (see GateLog)
		const [row] = await ctx.db
			.insert(gateCheck)
			.values({
				caseId: c.id,
				purpose,
				allowed: decision.allowed,
				log: JSON.parse(JSON.stringify(decision.log)) as typeof decision.log,
				checkedBy: ctx.user?.id ?? null,
				checkedAt: ctx.now
			})
			.returning({ id: gateCheck.id });
		out.set(c.id, { decision, checkId: row!.id });
		if (c.gateAllowed === decision.allowed) continue;
		await ctx.db
			.update(promotionCase)
			.set({ gateAllowed: decision.allowed })
			.where(eq(promotionCase.id, c.id));
		const [who] = await ctx.db
			.select({ unitId: person.unitId })
			.from(person)
			.where(eq(person.id, c.personId));
		await appendAudit(ctx, {
			unitId: who?.unitId ?? null,
			action: decision.allowed ? 'promotion_case.gate_opened' : 'promotion_case.gate_closed',
			entityType: 'promotion_case',
			entityId: c.id,
			before: c.gateAllowed === null ? undefined : { gateAllowed: c.gateAllowed },
			after: {
				personId: c.personId,
				gateAllowed: decision.allowed,
				gateReasons: decision.reasons.map((r) => ({ code: r.code, data: r.data }))
			}
		});
	}
	return out;
}
