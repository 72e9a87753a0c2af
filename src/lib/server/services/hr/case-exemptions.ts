/**
 * Exemption claims (免考材料) on a case: recorded with their document once the core finds them
 * complete, and removed when recorded in error. Each checks access first, writes in one transaction
 * and is audited.
 */
import { EXEMPTION_KINDS, shanghaiDate, validatePromotionCase } from '@xuefa/core';
import { and, eq } from 'drizzle-orm';
import type { ExemptionInput, RemoveExemptionInput } from '$lib/schemas/hr.ts';
import { type Ctx, transact } from '../../context.ts';
import type { ReadDb } from '../../db/index.ts';
import { exemptionClaim } from '../../db/schema/index.ts';
import { ConflictError, InvalidInputError } from '../../errors.ts';
import { appendAudit } from '../audit/append.ts';
import { openCaseFor } from './case-actions.ts';
import { caseFieldErrors } from './cases.ts';
import { readPromotionPolicy } from './policy.ts';

/** The exemption kinds a claim may name: the core's, and any the policy in force lists. */
export async function exemptionKinds(db: ReadDb): Promise<string[]> {
	const policy = await readPromotionPolicy(db);
	return [...new Set([...EXEMPTION_KINDS, ...policy.exemptions.map((e) => e.kind)])];
}

/**
 * Records an exemption claim with its document (dated on or before today), of a kind the form
 * offers, after the core found it complete. The same document sent again changes nothing and is
 * not audited again.
 */
export async function addExemption(ctx: Ctx, input: ExemptionInput) {
	const row = await openCaseFor(ctx, input.caseId);
	// a kind no policy knows (a tampered post) would be kept as a claim the gate can only refuse
	if (!(await exemptionKinds(ctx.db)).includes(input.kind))
		throw new InvalidInputError({ kind: ['err_invalid'] });
	const today = shanghaiDate(ctx.now);
	// the gate refuses a document dated after the check: refused here, it is not kept as a dead claim
	if (input.documentDate > today)
		throw new InvalidInputError({ documentDate: ['err_hr_document_future'] });
	const claim = {
		kind: input.kind,
		documentName: input.documentName,
		documentNumber: input.documentNumber,
		documentDate: input.documentDate,
		recordedBy: ctx.user.displayName,
		recordedOn: today
	};
	const issues = validatePromotionCase({
		id: String(row.c.id),
		personId: String(row.c.personId),
		proposedPost: row.c.proposedPost,
		leadingPost: row.c.leadingPost,
		appointmentRoute: row.c.appointmentRoute,
		exemptionClaims: [claim]
	});
	if (issues.length > 0) throw new InvalidInputError(caseFieldErrors(issues));
	await transact(ctx, async (tx) => {
		// the same document sent again (a second tap, a replayed post) is on the case already
		const [same] = await tx.db
			.select({ id: exemptionClaim.id })
			.from(exemptionClaim)
			.where(
				and(
					eq(exemptionClaim.caseId, row.c.id),
					eq(exemptionClaim.kind, claim.kind),
					eq(exemptionClaim.documentName, claim.documentName),
					eq(exemptionClaim.documentNumber, claim.documentNumber ?? ''),
					eq(exemptionClaim.documentDate, claim.documentDate)
				)
			);
		if (same) return;
		await tx.db.insert(exemptionClaim).values({
			caseId: row.c.id,
			kind: claim.kind,
			documentName: claim.documentName,
			documentNumber: claim.documentNumber,
			documentDate: claim.documentDate,
			recordedBy: ctx.user.id,
			recordedOn: today,
			createdAt: ctx.now
		});
		await appendAudit(tx, {
			action: 'promotion_case.exemption_recorded',
			entityType: 'promotion_case',
			entityId: row.c.id,
			unitId: row.unitId,
			after: {
				personId: row.c.personId,
				exemption: claim.kind,
				documentName: claim.documentName,
				documentNumber: claim.documentNumber,
				documentDate: claim.documentDate
			}
		});
	});
}

/**
 * Removes an exemption claim recorded in error (a wrong document, the wrong case), while the case is
 * open: the audit entry keeps what it said.
 */
export async function removeExemption(ctx: Ctx, input: RemoveExemptionInput) {
	const row = await openCaseFor(ctx, input.caseId);
	await transact(ctx, async (tx) => {
		const [claim] = await tx.db
			.delete(exemptionClaim)
			.where(and(eq(exemptionClaim.id, input.claimId), eq(exemptionClaim.caseId, row.c.id)))
			.returning();
		// removed already (sent twice, or from a page opened before): nothing to audit
		if (!claim) throw new ConflictError('err_hr_exemption_gone');
		await appendAudit(tx, {
			action: 'promotion_case.exemption_removed',
			entityType: 'promotion_case',
			entityId: row.c.id,
			unitId: row.unitId,
			before: {
				personId: row.c.personId,
				exemption: claim.kind,
				documentName: claim.documentName,
				documentNumber: claim.documentNumber,
				documentDate: claim.documentDate
			}
		});
	});
}
