/** The study-credit requirement (资格) an exam or sitting form describes. */
import { assessedYearAt } from '@xuefa/core';
import type { CreditFields } from '$lib/schemas/exams.ts';
import type { ReadDb } from '../../db/index.ts';
import { creditPolicy } from '../study/credits.ts';

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

/**
 * The year a sitting opening at `opensAt` counts credits of, unless it names one: the year being
 * assessed then (the core's assessedYearAt). A sitting opening in January or February is last
 * year's annual exam sat late, or a make-up: nobody has earned a year's credits in its first weeks,
 * so counting the new year would shut the whole roster out.
 */
export const sittingYear = (opensAt: Date) => assessedYearAt(opensAt);
