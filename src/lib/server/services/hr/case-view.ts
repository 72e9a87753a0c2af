/**
 * One case as its page shows it: the candidate, the dates, the gate from the core (checked now for
 * a case still open, else the check that decided it), each reason in words, the evidence with links,
 * the exemption claims with their documents, the sittings HR can put the candidate on (with the
 * candidate's standing against each one's study credit requirement).
 */
import { desc, eq, inArray } from 'drizzle-orm';
import type { ExemptionEvidence, PromotionEvidence, Reason } from '@xuefa/core';
import { can } from '../../authz/index.ts';
import { type Ctx, transact } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import {
	appointment,
	exam,
	gateCheck,
	promotionCaseSitting,
	sitting
} from '../../db/schema/index.ts';
import { coreMessage } from '../../core-messages.ts';
import { candidateStanding, offeredSittingColumns } from '../exams/eligibility.ts';
import { assignableSittings } from './case-actions.ts';
import { evidenceLapses } from './evidence-lapse.ts';
import { loadCase } from './cases.ts';
import { type CaseRow, caseClaims, checkGates } from './gate.ts';

/** What a check decided: a decision's result part, or the same read back from the gate log. */
interface GateOutcome {
	allowed: boolean;
	reasons: Reason[];
	evidence: PromotionEvidence[];
	exemptions: ExemptionEvidence[];
}

/**
 * What ties a claim on the case to the gate's use of it (the gate sorts the claims): its document,
 * number included, as no two claims of a case share one (see addExemption).
 */
const claimKey = (c: {
	kind: string;
	documentName: string;
	documentNumber?: string;
	documentDate: string;
}) => JSON.stringify([c.kind, c.documentName, c.documentNumber ?? '', c.documentDate]);

/** The gate as the page shows it, from a decision or from a logged check. */
function gateView(
	result: GateOutcome,
	checkedAt: Date,
	checkId: number,
	sittingNames: Map<number, string>
) {
	return {
		checkId,
		checkedAt: checkedAt.getTime(),
		allowed: result.allowed,
		reasons: result.reasons.map((r) => ({
			code: r.code,
			text: coreMessage(r.code, r.data)
		})),
		evidence: result.evidence.map((e) => ({
			attemptId: Number(e.attemptId),
			sitting: sittingNames.get(Number(e.sittingId)) ?? '—',
			takenOn: e.takenOn,
			score: e.score ?? null,
			maxScore: e.maxScore ?? null,
			outcome: e.outcome,
			use: e.use,
			attemptNo: e.attemptNo ?? null,
			supersededBy: e.supersededBy !== undefined ? Number(e.supersededBy) : null
		})),
		exemptions: result.exemptions.map((x) => ({
			key: claimKey(x),
			kind: x.kind,
			documentName: x.documentName,
			documentDate: x.documentDate,
			use: x.use
		}))
	};
}

export type GateView = ReturnType<typeof gateView>;

/**
 * A case's gate as its page shows it: checked now, and logged, for a case still open (or
 * postponed), else the check that decided it; null for a closed case never checked. The case page
 * and the API's case endpoint both read it here, so that they cannot disagree.
 */
export async function caseGate(
	ctx: { db: ReadDb; now: Date; user: { id: number } | null },
	c: CaseRow
): Promise<GateView | null> {
	const active = c.state === 'open' || c.state === 'postponed';
	let gate: { result: GateOutcome; at: Date; id: number } | null = null;
	if (active) {
		const checked = await transact(ctx, (tx) => checkGates(tx, [c], 'view'));
		const g = checked.get(c.id)!;
		gate = { result: g.decision, at: ctx.now, id: g.checkId };
	} else {
		const [last] = await ctx.db
			.select()
			.from(gateCheck)
			.where(eq(gateCheck.caseId, c.id))
			.orderBy(desc(gateCheck.checkedAt), desc(gateCheck.id))
			.limit(1);
		if (last)
			gate = {
				result: last.log.result as unknown as GateOutcome,
				at: last.checkedAt,
				id: last.id
			};
	}
	if (!gate) return null;
	const sittingIds = [...new Set(gate.result.evidence.map((e) => Number(e.sittingId)))];
	const names = new Map(
		sittingIds.length
			? (
					await ctx.db
						.select({ id: sitting.id, name: sitting.name, title: exam.title })
						.from(sitting)
						.innerJoin(exam, eq(exam.id, sitting.examId))
						.where(inArray(sitting.id, sittingIds))
				).map((s) => [s.id, `${s.title} · ${s.name}`] as const)
			: []
	);
	return gateView(gate.result, gate.at, gate.id, names);
}

export async function caseView(ctx: Ctx, caseId: number) {
	const row = await loadCase(ctx, caseId);
	const c = row.c;
	const manage = can(ctx.user, 'promotion.manage', row.path);
	const active = c.state === 'open' || c.state === 'postponed';
	const gate = await caseGate(ctx, c);
	const claims = await caseClaims(ctx.db, c.id);
	const assigned = await ctx.db
		.select(offeredSittingColumns)
		.from(promotionCaseSitting)
		.innerJoin(sitting, eq(sitting.id, promotionCaseSitting.sittingId))
		.innerJoin(exam, eq(exam.id, sitting.examId))
		.where(eq(promotionCaseSitting.caseId, c.id));
	// a sitting the candidate is on already is not offered again
	const onAlready = new Set(assigned.map((s) => s.id));
	const offered =
		manage && active
			? (await assignableSittings(ctx.db, row.path, ctx.now)).filter((s) => !onAlready.has(s.id))
			: [];
	// the candidate's standing on each sitting's study credit requirement, in words: HR may still
	// put them on one they are short for, warned that they cannot start it until they have the
	// credits or its organiser exempts them
	const standing = await candidateStanding(ctx.db, [...assigned, ...offered], c.personId);
	const withCredits = <S extends { id: number }>(s: S) => {
		const st = standing.get(s.id);
		const eligibility = st
			? { eligible: st.eligible, text: st.text }
			: { eligible: true, text: coreMessage('credits.not_required') };
		return { ...s, eligibility };
	};
	const [appointed] = await ctx.db.select().from(appointment).where(eq(appointment.caseId, c.id));
	const lapses = await evidenceLapses(ctx.db, [
		{ id: c.id, state: c.state, allowedNow: gate?.allowed ?? null }
	]);
	return {
		case: {
			...c,
			name: row.name,
			employeeNo: row.employeeNo,
			unitName: row.unitName
		},
		manage,
		gate,
		claims: claims.map(({ claim, recorder }) => ({
			...claim,
			key: claimKey(claim),
			label: coreMessage(`promotion.exemption.${claim.kind}`),
			recorder: recorder ?? '—'
		})),
		assigned: assigned.map(withCredits),
		offered: offered.map(withCredits),
		appointment: appointed ?? null,
		// the pass the case relied on, voided or regraded since: why the gate shut, or what HR reviews
		lapse: lapses.get(c.id) ?? null
	};
}
