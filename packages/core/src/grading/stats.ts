/**
 * Item statistics (试题分析) and score distributions over many graded attempts.
 */
import type { AttemptGrade } from './types.ts';

/** Statistics of one question over many attempts. */
export interface ItemStatistics {
	questionId: string;
	/** Attempts that had this question. */
	n: number;
	/** Facility (难度系数 P): mean fraction earned, 0 … 1 (higher = easier). */
	facility: number;
	/**
	 * Discrimination index D (区分度): mean fraction in the top 27% of attempts by total score minus
	 * that in the bottom 27%; −1 … 1. `null` with fewer than 4 attempts.
	 */
	discrimination: number | null;
	/**
	 * Corrected point-biserial: Pearson correlation between the item's fraction and the rest of the
	 * score (total minus this item); `null` when either has no variance.
	 */
	pointBiserial: number | null;
	/** How often each original option id was chosen (choice questions). */
	optionCounts: Record<string, number>;
	/** Attempts that left it unanswered. */
	unanswered: number;
}

/**
 * Computes facility, discrimination (upper/lower 27% and point-biserial) and option frequencies for
 * every question, from graded attempts. Pending items are left out of their question's figures.
 *
 * @param grades - attempt grades (e.g. `attempt.grade` of every graded attempt of a sitting)
 * @returns one entry per question id, in order of first appearance
 * @example
 * const stats = itemStatistics(attempts.map((a) => a.grade!));
 * stats[0]; // → { questionId: 'q1', facility: 0.72, discrimination: 0.41, pointBiserial: 0.35, … }
 */
export function itemStatistics(grades: readonly AttemptGrade[]): ItemStatistics[] {
	const n = grades.length;
	const totals = new Float64Array(n);
	grades.forEach((g, i) => (totals[i] = g.score));
	// Upper/lower groups by total score (ties broken by position, deterministic).
	const ranked = Array.from({ length: n }, (_, i) => i).sort(
		(a, b) => totals[b]! - totals[a]! || a - b
	);
	const k = Math.round(n * 0.27);
	const group = new Int8Array(n);
	if (k > 0 && n >= 4) {
		for (let r = 0; r < k; r++) group[ranked[r]!] = 1;
		for (let r = n - k; r < n; r++) group[ranked[r]!] = -1;
	}
	interface Acc {
		n: number;
		sumF: number;
		up: number;
		upN: number;
		lo: number;
		loN: number;
		sx: number;
		sy: number;
		sxx: number;
		syy: number;
		sxy: number;
		options: Record<string, number>;
		unanswered: number;
	}
	const acc = new Map<string, Acc>();
	for (let i = 0; i < n; i++) {
		const g = grades[i]!;
		for (const item of g.items) {
			if (item.fraction === null) continue;
			let a = acc.get(item.questionId);
			if (!a) {
				a = {
					n: 0,
					sumF: 0,
					up: 0,
					upN: 0,
					lo: 0,
					loN: 0,
					sx: 0,
					sy: 0,
					sxx: 0,
					syy: 0,
					sxy: 0,
					options: {},
					unanswered: 0
				};
				acc.set(item.questionId, a);
			}
			const x = item.fraction;
			const y = totals[i]! - (item.score ?? 0);
			a.n++;
			a.sumF += x;
			a.sx += x;
			a.sy += y;
			a.sxx += x * x;
			a.syy += y * y;
			a.sxy += x * y;
			if (group[i] === 1) {
				a.up += x;
				a.upN++;
			} else if (group[i] === -1) {
				a.lo += x;
				a.loN++;
			}
			if (item.status === 'unanswered') a.unanswered++;
			if (item.selected) for (const id of item.selected) a.options[id] = (a.options[id] ?? 0) + 1;
		}
	}
	const out: ItemStatistics[] = [];
	for (const [questionId, a] of acc) {
		const vx = a.n * a.sxx - a.sx * a.sx;
		const vy = a.n * a.syy - a.sy * a.sy;
		const r = vx > 1e-12 && vy > 1e-12 ? (a.n * a.sxy - a.sx * a.sy) / Math.sqrt(vx * vy) : null;
		out.push({
			questionId,
			n: a.n,
			facility: a.n ? a.sumF / a.n : 0,
			discrimination: a.upN && a.loN ? a.up / a.upN - a.lo / a.loN : null,
			pointBiserial: r === null ? null : Math.max(-1, Math.min(1, r)),
			optionCounts: a.options,
			unanswered: a.unanswered
		});
	}
	return out;
}

/** One histogram bin: scores in `[from, to)` (the last bin includes `to`). */
export interface ScoreBin {
	from: number;
	to: number;
	count: number;
}

/** A score distribution: histogram plus summary figures. */
export interface ScoreDistribution {
	bins: ScoreBin[];
	n: number;
	mean: number;
	median: number;
	stdDev: number;
	min: number;
	max: number;
}

/**
 * Builds a histogram of scores and summary figures.
 *
 * @param scores - the scores
 * @param options - `maxScore` (default 100) and `binWidth` (default 10)
 * @returns bins from 0 to `maxScore` and mean/median/standard deviation/min/max (0 when empty)
 * @example
 * scoreDistribution([55, 61, 88, 92]).bins[5]; // → { from: 50, to: 60, count: 1 }
 */
export function scoreDistribution(
	scores: readonly number[],
	options: { maxScore?: number; binWidth?: number } = {}
): ScoreDistribution {
	const maxScore = options.maxScore ?? 100;
	const width = options.binWidth ?? 10;
	const count = Math.max(1, Math.ceil(maxScore / width));
	const bins: ScoreBin[] = Array.from({ length: count }, (_, i) => ({
		from: i * width,
		to: Math.min(maxScore, (i + 1) * width),
		count: 0
	}));
	for (const s of scores) {
		const i = Math.min(count - 1, Math.max(0, Math.floor(s / width)));
		bins[i]!.count++;
	}
	const n = scores.length;
	if (n === 0) return { bins, n, mean: 0, median: 0, stdDev: 0, min: 0, max: 0 };
	const sorted = [...scores].sort((a, b) => a - b);
	const mean = sorted.reduce((t, s) => t + s, 0) / n;
	const median = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
	const stdDev = Math.sqrt(sorted.reduce((t, s) => t + (s - mean) ** 2, 0) / n);
	return { bins, n, mean, median, stdDev, min: sorted[0]!, max: sorted[n - 1]! };
}
