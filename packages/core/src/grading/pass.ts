/**
 * Pass decision and score bands (优秀 / 良好 / 合格 / 不合格).
 */

/** A band: scores at or above `min` (and below the next higher band) get this band's `code`. */
export interface ScoreBand {
	/** Stable code, e.g. `excellent`; messages `band.<code>` give its label. */
	code: string;
	/** Inclusive lower bound, on the rules' scale. */
	min: number;
}

/** The default bands on a percent scale: ≥90 优秀, 80–89 良好, 60–79 合格, <60 不合格. */
export const DEFAULT_BANDS: readonly ScoreBand[] = [
	{ code: 'excellent', min: 90 },
	{ code: 'good', min: 80 },
	{ code: 'pass', min: 60 },
	{ code: 'fail', min: 0 }
];

/** How an exam decides pass and band. */
export interface PassRules {
	/** The pass mark (inclusive), on `scale`; e.g. 60. */
	passMark: number;
	/** Bands (any order); default {@link DEFAULT_BANDS}. */
	bands?: readonly ScoreBand[];
	/**
	 * What `passMark` and band minima are measured in: `percent` of the paper's maximum (default;
	 * identical to points on a 100-point paper) or raw `points`.
	 */
	scale?: 'percent' | 'points';
}

/** The decision for one score. */
export interface PassDecision {
	passed: boolean;
	/** The band code (`excellent`, `good`, `pass`, `fail` by default). */
	band: string;
	/** Score as a percentage of the maximum, rounded to 0.01. */
	percent: number;
	/** The value compared with the thresholds (percent or points). */
	measured: number;
}

/**
 * Decides pass/fail and the band for a score.
 *
 * @param score - points scored
 * @param maxScore - the paper's maximum
 * @param rules - pass mark, bands and scale
 * @returns the decision
 * @example
 * decidePass(85, 100, { passMark: 60 }); // → { passed: true, band: 'good', percent: 85, measured: 85 }
 */
export function decidePass(score: number, maxScore: number, rules: PassRules): PassDecision {
	const percent = maxScore > 0 ? Math.round((score / maxScore) * 10000) / 100 : 0;
	const measured = (rules.scale ?? 'percent') === 'percent' ? percent : score;
	const bands = [...(rules.bands ?? DEFAULT_BANDS)].sort((a, b) => b.min - a.min);
	const band = bands.find((b) => measured >= b.min)?.code ?? bands[bands.length - 1]?.code ?? '';
	return { passed: measured >= rules.passMark, band, percent, measured };
}
