/**
 * The year-end rule-of-law assessment (法治建设考核): per-unit indicators from plain counts, and a
 * weighted score out of 100.
 *
 * Each indicator is a ratio in [0, 1]. An indicator whose denominator is 0 (nothing was required) is
 * left out and the remaining weights are rescaled, so a unit is neither rewarded nor punished for it.
 */

/** The counts a unit reports for the year (all plain numbers). */
export interface AssessmentInput {
	/** The unit. */
	unitId: string;
	/** Study-plan items planned and held. */
	planItems: { planned: number; held: number };
	/**
	 * Study sessions scheduled and held; held are those that count as held (`countsAsHeld`: a
	 * lecture or collective session under the minimum length does not).
	 */
	sessions: { scheduled: number; held: number };
	/** Attendance: expected (应到) and attended (实到). */
	attendance: { expected: number; attended: number };
	/** Exams: people required to sit, people who sat, people who passed. */
	exams: { required: number; sat: number; passed: number };
	/** Oaths: appointments needing an oath and those done. */
	oaths: { required: number; done: number };
	/** Enforcement staff needing a certificate and those holding one in force. */
	certificates: { required: number; valid: number };
}

/** The indicators. */
export const ASSESSMENT_INDICATORS = [
	'planKept',
	'sessionsHeld',
	'attendance',
	'examParticipation',
	'examPassRate',
	'oathCoverage',
	'certificatesValid'
] as const;

/** One of {@link ASSESSMENT_INDICATORS}. */
export type AssessmentIndicator = (typeof ASSESSMENT_INDICATORS)[number];

/** Weights per indicator (any positive scale; they are normalised). */
export type AssessmentWeights = Record<AssessmentIndicator, number>;

/**
 * Default weights (sum 100): plan kept 20, sessions held 15, attendance 15, exam participation 15,
 * exam pass rate 15, oath coverage 10, certificates valid 10.
 */
export const DEFAULT_ASSESSMENT_WEIGHTS: AssessmentWeights = {
	planKept: 20,
	sessionsHeld: 15,
	attendance: 15,
	examParticipation: 15,
	examPassRate: 15,
	oathCoverage: 10,
	certificatesValid: 10
};

/** A unit's result. */
export interface AssessmentResult {
	/** The unit. */
	unitId: string;
	/** Each indicator's ratio in [0, 1], or null when not applicable. */
	indicators: Record<AssessmentIndicator, number | null>;
	/** Weighted score 0–100 (two decimals); 0 when not {@link AssessmentResult.assessed}. */
	score: number;
	/**
	 * Whether anything applied: false when no indicator with a weight has a denominator (a unit
	 * with no plan, sessions, exams, oaths or certificates that year). Such a unit is listed, not
	 * ranked: its 0 would otherwise put it last, below units that did poorly.
	 */
	assessed: boolean;
	/** 1-based rank among the assessed units (ties share a rank), when several are ranked. */
	rank?: number;
}

const ratio = (num: number, den: number): number | null =>
	den > 0 ? Math.min(1, Math.max(0, num / den)) : null;

/**
 * Assesses one unit.
 *
 * @param input - the unit's counts
 * @param weights - indicator weights (default {@link DEFAULT_ASSESSMENT_WEIGHTS})
 * @returns the indicators and the score
 * @example
 * assessUnit({ unitId: 'u1', planItems: { planned: 11, held: 11 }, sessions: { scheduled: 50, held: 48 },
 * 	attendance: { expected: 600, attended: 570 }, exams: { required: 40, sat: 40, passed: 38 },
 * 	oaths: { required: 3, done: 3 }, certificates: { required: 20, valid: 19 } }).score;
 */
export function assessUnit(
	input: AssessmentInput,
	weights: AssessmentWeights = DEFAULT_ASSESSMENT_WEIGHTS
): AssessmentResult {
	const indicators: Record<AssessmentIndicator, number | null> = {
		planKept: ratio(input.planItems.held, input.planItems.planned),
		sessionsHeld: ratio(input.sessions.held, input.sessions.scheduled),
		attendance: ratio(input.attendance.attended, input.attendance.expected),
		examParticipation: ratio(input.exams.sat, input.exams.required),
		examPassRate: ratio(input.exams.passed, input.exams.sat),
		oathCoverage: ratio(input.oaths.done, input.oaths.required),
		certificatesValid: ratio(input.certificates.valid, input.certificates.required)
	};
	let total = 0;
	let weightSum = 0;
	for (const k of ASSESSMENT_INDICATORS) {
		const v = indicators[k];
		const w = Math.max(0, weights[k]);
		if (v === null || w === 0) continue;
		total += v * w;
		weightSum += w;
	}
	const assessed = weightSum > 0;
	const score = assessed ? Math.round((total / weightSum) * 10_000) / 100 : 0;
	return { unitId: input.unitId, indicators, score, assessed };
}

/**
 * Assesses and ranks several units: the assessed ones highest score first (ties share a rank, then
 * by unit id), then those with nothing to assess, unranked, by unit id.
 *
 * @param inputs - the units' counts
 * @param weights - indicator weights
 * @returns the results, ranked
 */
export function assessUnits(
	inputs: readonly AssessmentInput[],
	weights: AssessmentWeights = DEFAULT_ASSESSMENT_WEIGHTS
): AssessmentResult[] {
	const results = inputs
		.map((i) => assessUnit(i, weights))
		.sort(
			(a, b) =>
				Number(b.assessed) - Number(a.assessed) ||
				b.score - a.score ||
				(a.unitId < b.unitId ? -1 : 1)
		);
	results.forEach((r, i) => {
		if (!r.assessed) return;
		const prev = results[i - 1];
		r.rank = prev && prev.score === r.score ? prev.rank! : i + 1;
	});
	return results;
}
