/**
 * Which exemption claims of a case the policy accepts.
 */
import type { IsoDate } from '../calendar/dates.ts';
import type { Reason } from '../rule-result.ts';
import type { ExemptionClaim } from './case.ts';
import type { ExemptionRule } from './policy.ts';
import { byText } from './attempts.ts';

/**
 * How the gate used an exemption claim: `applied` (it lets the case through), `not_needed` (allowed,
 * but the case passed otherwise or another claim applied), or refused: `not_allowed` (the policy lists
 * the kind as not allowed), `not_in_policy` (the policy does not list the kind), `document_after_today`
 * (the document is dated after the check).
 */
export type ExemptionUse =
	'applied' | 'not_needed' | 'not_allowed' | 'not_in_policy' | 'document_after_today';

/** An exemption claim shown as evidence, with how the gate used it. */
export interface ExemptionEvidence extends ExemptionClaim {
	/** How the gate used it. */
	use: ExemptionUse;
}

/**
 * Sorts the claims (so input order never matters) and marks each: the first acceptable one `applied`
 * when `needed`, the other acceptable ones `not_needed`, the rest refused.
 *
 * @param claims - the case's exemption claims
 * @param rules - the policy's exemption kinds
 * @param today - the day of the check (a document dated later is refused)
 * @param needed - whether the case still needs an exemption (gated, not passed, not barred)
 * @returns every claim with its use
 */
export function weighClaims(
	claims: readonly ExemptionClaim[],
	rules: readonly ExemptionRule[],
	today: IsoDate,
	needed: boolean
): ExemptionEvidence[] {
	const byKind = new Map(rules.map((r) => [r.kind, r]));
	let applied = !needed;
	return [...claims]
		.sort(
			(a, b) =>
				byText(a.documentDate, b.documentDate) ||
				byText(a.kind, b.kind) ||
				byText(a.documentName, b.documentName) ||
				byText(a.documentNumber ?? '', b.documentNumber ?? '') ||
				byText(a.recordedOn, b.recordedOn) ||
				byText(a.recordedBy, b.recordedBy)
		)
		.map((claim) => {
			const rule = byKind.get(claim.kind);
			let use: ExemptionUse;
			if (!rule) use = 'not_in_policy';
			else if (!rule.allowed) use = 'not_allowed';
			else if (claim.documentDate > today) use = 'document_after_today';
			else if (applied) use = 'not_needed';
			else {
				use = 'applied';
				applied = true;
			}
			return { ...claim, use };
		});
}

/**
 * The reason for an applied claim: the exemption and the document that grounds it.
 *
 * @param e - the applied claim
 * @returns `promotion.exempted` with the document
 */
export function exemptedReason(e: ExemptionEvidence): Reason {
	return {
		code: 'promotion.exempted',
		data: {
			exemption: e.kind,
			document: e.documentNumber ? `${e.documentName} ${e.documentNumber}` : e.documentName,
			documentDate: e.documentDate,
			recordedBy: e.recordedBy,
			recordedOn: e.recordedOn
		}
	};
}

/**
 * The reason a claim was refused.
 *
 * @param e - a weighed claim
 * @returns the refusal, or undefined when the claim was not refused
 */
export function refusedReason(e: ExemptionEvidence): Reason | undefined {
	const data = { exemption: e.kind, documentDate: e.documentDate };
	switch (e.use) {
		case 'not_allowed':
			return { code: 'promotion.exemption_not_allowed', data };
		case 'not_in_policy':
			return { code: 'promotion.exemption_not_in_policy', data };
		case 'document_after_today':
			return { code: 'promotion.exemption_document_after_today', data };
		default:
			return undefined;
	}
}
