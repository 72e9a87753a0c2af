/** The study-credit requirement (资格) an exam or sitting form describes. */
import type { CreditFields } from '$lib/schemas/exams.ts';
import type { ReadDb } from '../../db/index.ts';
import { creditPolicy, currentYear } from '../study/credits.ts';

/** A sitting's (or exam's) requirement columns. */
export interface CreditRequirementColumns {
	creditsRequired: number | null;
	creditsYear: number | null;
}

/**
 * The requirement the form describes: none unless ticked; a blank number is the district's
 * annual requirement (`credits.annualRequired`), a blank year `defaultYear` (the sitting's
 * opening year; null on an exam, whose sittings each use their own).
 */
export async function requirementOf(
	db: ReadDb,
	input: CreditFields,
	defaultYear: number | null
): Promise<CreditRequirementColumns> {
	if (!input.requireCredits) return { creditsRequired: null, creditsYear: null };
	return {
		creditsRequired: input.creditsRequired ?? (await creditPolicy(db)).annualRequired,
		creditsYear: input.creditsYear ?? defaultYear
	};
}

/** The year a sitting opening at `opensAt` counts credits of, unless its exam names one. */
export const sittingYear = (opensAt: Date) => currentYear(opensAt);
