/**
 * Which exemption claims of a case the policy accepts.
 */
import type { IsoDate } from '../calendar/dates.ts';
import type { Reason } from '../rule-result.ts';
import type { ExemptionClaim } from './case.ts';
import type { ExemptionRule } from './policy.ts';

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

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sorts the claims (so input order never matters) and marks each: the first acceptable one `applied`
 * when `needed`, the other acceptable ones `not_needed`, the rest refused.
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
				compare(a.documentDate, b.documentDate) ||
				compare(a.kind, b.kind) ||
				compare(a.documentName, b.documentName) ||
				compare(a.documentNumber ?? '', b.documentNumber ?? '') ||
				compare(a.recordedOn, b.recordedOn) ||
				compare(a.recordedBy, b.recordedBy)
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

/** The reason for an applied claim: the exemption and the document that grounds it. */
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

/** The reason a claim was refused, or undefined when it was not. */
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
