/**
 * Exam eligibility by study credits (资格): many provinces let a cadre sit the annual exam only
 * after earning the year's study credits. An organiser may exempt someone (免考积分要求) with a
 * reason; the decision carries a {@link Reason} the application puts into words.
 */
import { ValidationError, type Issue } from '../errors.ts';
import type { Reason } from '../rule-result.ts';

/** What a sitting asks: at least `credits` study credits earned in calendar year `year`. */
export interface CreditRequirement {
	/** The calendar year whose credits count. */
	year: number;
	/** Credits required (not negative). */
	credits: number;
}

/** An organiser's exemption from the credit requirement, with its reason. */
export interface CreditExemption {
	/** Why the person is exempted (required, shown on the roster). */
	reason: string;
}

/** Whether a person may sit, and why. */
export interface CreditEligibility {
	/** True when the person may start the exam as far as credits go. */
	eligible: boolean;
	/**
	 * Why: `credits.not_required`, `credits.met` (`earned`, `required`, `year`), `credits.exempted`
	 * (`reason`, `earned`, `required`, `year`) or `credits.short` (`shortfall`, `earned`,
	 * `required`, `year`).
	 */
	reason: Reason;
	/** Credits earned in the year (as given, rounded to 2 decimals). */
	earned: number;
	/** Credits required, or null when nothing is required. */
	required: number | null;
	/** Credits still missing (0 when met, exempted or not required). */
	shortfall: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function issuesOf(
	requirement: CreditRequirement | null,
	earned: number,
	exemption: CreditExemption | null
): Issue[] {
	const issues: Issue[] = [];
	if (requirement) {
		if (!Number.isInteger(requirement.year) || requirement.year < 1900 || requirement.year > 9999)
			issues.push({
				code: 'calendar.year.invalid',
				path: 'year',
				data: { year: requirement.year }
			});
		if (!Number.isFinite(requirement.credits) || requirement.credits < 0)
			issues.push({
				code: 'credits.requirement.invalid',
				path: 'credits',
				data: { credits: requirement.credits }
			});
	}
	if (!Number.isFinite(earned) || earned < 0)
		issues.push({ code: 'credits.earned.invalid', path: 'earned', data: { earned } });
	if (exemption && exemption.reason.trim() === '')
		issues.push({ code: 'credits.exemption.reason_empty', path: 'reason' });
	return issues;
}

/**
 * Whether a person may sit an exam that requires study credits. An exemption lets anyone sit
 * (and says so, with its reason); otherwise the credits earned in the requirement's year must
 * reach the number required.
 *
 * @param requirement - the sitting's requirement, or null when it requires none
 * @param earned - the person's credits in `requirement.year` (e.g. `annualCredits(…).total`)
 * @param exemption - the organiser's exemption for this person, if any
 * @returns eligible or not, with the reason and the figures behind it
 * @throws ValidationError for a negative or non-finite number, a bad year or an exemption
 *   without a reason
 * @example
 * creditEligibility({ year: 2026, credits: 24 }, 20).reason;
 * // → { code: 'credits.short', data: { shortfall: 4, earned: 20, required: 24, year: 2026 } }
 * creditEligibility({ year: 2026, credits: 24 }, 20, { reason: '长期病假' }).eligible; // → true
 */
export function creditEligibility(
	requirement: CreditRequirement | null,
	earned: number,
	exemption: CreditExemption | null = null
): CreditEligibility {
	const issues = issuesOf(requirement, earned, exemption);
	if (issues.length) throw new ValidationError(issues);
	const got = round2(earned);
	if (!requirement)
		return {
			eligible: true,
			reason: { code: 'credits.not_required', data: {} },
			earned: got,
			required: null,
			shortfall: 0
		};
	const required = round2(requirement.credits);
	const figures = { earned: got, required, year: requirement.year };
	if (exemption)
		return {
			eligible: true,
			reason: { code: 'credits.exempted', data: { reason: exemption.reason.trim(), ...figures } },
			earned: got,
			required,
			shortfall: 0
		};
	if (got >= required)
		return {
			eligible: true,
			reason: { code: 'credits.met', data: figures },
			earned: got,
			required,
			shortfall: 0
		};
	const shortfall = round2(required - got);
	return {
		eligible: false,
		reason: { code: 'credits.short', data: { shortfall, ...figures } },
		earned: got,
		required,
		shortfall
	};
}
