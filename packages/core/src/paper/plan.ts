/**
 * Internal: turns a blueprint into fixed picks and draw demands against an indexed bank.
 */
import type { Issue } from '../errors.ts';
import { poolOf, type QuestionBank } from './bank.ts';
import type { Blueprint, BlueprintSection } from './blueprint.ts';

/** One thing to draw: `need` questions for section `section` (0-based) from `pool`. */
export interface Demand {
	section: number;
	need: number;
	pool: Int32Array;
	/** Set when the demand is one level of a difficulty mix. */
	level?: number;
}

/** Fixed picks per section (bank positions), draw demands, and problems with fixed questions. */
export interface Plan {
	issues: Issue[];
	fixed: number[][];
	demands: Demand[];
}

/** Resolves fixed questions and splits sections (and difficulty mixes) into draw demands. */
export function planBlueprint(bank: QuestionBank, blueprint: Blueprint): Plan {
	const issues: Issue[] = [];
	const demands: Demand[] = [];
	const fixed = blueprint.sections.map((s, i) => {
		const out: number[] = [];
		for (const id of s.fixed ?? []) {
			const at = bank.byId.get(id);
			const q = at === undefined ? undefined : bank.questions[at];
			if (at === undefined || !q) {
				issues.push({
					code: 'paper.fixed.missing',
					path: `sections.${i}.fixed`,
					data: { section: i + 1, questionId: id }
				});
			} else if (q.type !== s.type) {
				issues.push({
					code: 'paper.fixed.type',
					path: `sections.${i}.fixed`,
					data: { section: i + 1, questionId: id, type: s.type, actual: q.type }
				});
			} else out.push(at);
		}
		return out;
	});
	blueprint.sections.forEach((s, i) => {
		const fixedHere = fixed[i]!;
		if (!s.difficultyMix) {
			const need = s.count - fixedHere.length;
			if (need > 0) demands.push({ section: i, need, pool: poolOf(bank, s.type, s.filter) });
			return;
		}
		for (let level = 1; level <= 5; level++) {
			const quota = s.difficultyMix[level as 1] ?? 0;
			const used = fixedHere.filter((at) => bank.questions[at]!.difficulty === level).length;
			const need = quota - used;
			if (need > 0)
				demands.push({
					section: i,
					need,
					level,
					pool: poolOf(bank, s.type, levelFilter(s, level))
				});
		}
	});
	return { issues, fixed, demands };
}

function levelFilter(s: BlueprintSection, level: number): BlueprintSection['filter'] {
	const d = s.filter?.difficulty;
	const min = Math.max(d?.min ?? 1, level);
	const max = Math.min(d?.max ?? 5, level);
	return { ...s.filter, difficulty: { min, max } };
}

/** The outcome of {@link greedyAssign} for one demand. */
export interface Assigned {
	demand: Demand;
	picked: number[];
}

/**
 * Assigns questions to demands greedily: fixed questions are reserved, the tightest demands (smallest
 * pools) go first, and each takes the free questions the fewest other demands could use (ties broken
 * by `rng` when given, else by bank order). Succeeds whenever pools are disjoint or nested.
 */
export function greedyAssign(size: number, plan: Plan, rng?: { next(): number }): Assigned[] {
	const taken = new Uint8Array(size);
	for (const f of plan.fixed) for (const at of f) taken[at] = 1;
	const contest = new Uint16Array(size);
	for (const d of plan.demands) for (const at of d.pool) contest[at]!++;
	const order = plan.demands
		.map((d, i) => ({ d, i }))
		.sort((x, y) => x.d.pool.length - y.d.pool.length || x.i - y.i);
	const out: Assigned[] = [];
	for (const { d } of order) {
		const free = Array.from(d.pool).filter((at) => !taken[at]);
		const tie = rng ? new Map(free.map((at) => [at, rng.next()])) : undefined;
		free.sort((x, y) => contest[x]! - contest[y]! || (tie ? tie.get(x)! - tie.get(y)! : x - y));
		const picked = free.slice(0, d.need);
		for (const at of picked) taken[at] = 1;
		out.push({ demand: d, picked });
	}
	return out;
}
