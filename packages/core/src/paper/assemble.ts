/**
 * Paper assembly (组卷): draw a candidate's paper from an indexed bank, deterministically per seed.
 */
import { ValidationError } from '../errors.ts';
import type { QuestionType, QuestionVersion } from '../question/model.ts';
import { createRng, shuffled, type Rng, type Seed } from '../random.ts';
import { indexBank, type QuestionBank } from './bank.ts';
import { validateBlueprint, type Blueprint } from './blueprint.ts';
import { checkFeasibility } from './feasibility.ts';
import { greedyAssign, planBlueprint } from './plan.ts';

/** One question on a paper: the exact version drawn, its points and the option order shown. */
export interface PaperItem {
	/** The exact question version (a snapshot: later edits never change the paper). */
	question: QuestionVersion;
	/** Points for this question (the section's points per question). */
	points: number;
	/** For choice questions: option ids in the order the candidate sees them (label A = first). */
	optionOrder?: string[];
	/** For case questions: per part, the option order of choice parts (undefined for other parts). */
	partOptionOrders?: (string[] | undefined)[];
}

/** One section of a paper. */
export interface PaperSection {
	title?: string;
	type: QuestionType;
	/** Points per question. */
	points: number;
	items: PaperItem[];
}

/** A paper as drawn for one candidate (or a fixed paper): includes answers; never send it to a candidate. */
export interface Paper {
	sections: PaperSection[];
	/** Sum of all items' points. */
	totalPoints: number;
}

/**
 * Draws a paper from a bank according to a blueprint. Deterministic: the same bank, blueprint and
 * seed always give the same paper. No question appears twice (also across sections). Fixed questions
 * are reserved first, then the tightest sections draw first (a partial Fisher–Yates over the section's
 * cached pool, so a draw costs O(count), not O(pool)). If overlapping sections starve one another, it
 * falls back to the contest-aware assignment of {@link checkFeasibility} with seeded tie-breaks, so
 * whenever the feasibility check passes, assembly succeeds. Option order is shuffled per the blueprint and
 * recorded in {@link PaperItem.optionOrder} so grading maps the candidate's choices back.
 *
 * @param bank - an indexed bank (from {@link indexBank}; reuse it across candidates) or plain questions
 * @param blueprint - the blueprint
 * @param seed - e.g. `${sittingId}:${candidateId}`
 * @returns the paper
 * @throws {ValidationError} when the blueprint is malformed or the bank cannot satisfy it (the issues
 *   are those of {@link checkFeasibility})
 * @example
 * const bank = indexBank(questions);
 * const paper = assemblePaper(bank, {
 *   sections: [
 *     { title: '一、单项选择题', type: 'single', count: 40, points: 1 },
 *     { title: '二、多项选择题', type: 'multiple', count: 20, points: 2, filter: { laws: [{ lawId: '行政处罚法' }] } }
 *   ]
 * }, 'sitting-7:person-42');
 */
export function assemblePaper(
	bank: QuestionBank | readonly QuestionVersion[],
	blueprint: Blueprint,
	seed: Seed
): Paper {
	const b = 'byId' in bank ? bank : indexBank(bank);
	const structural = validateBlueprint(blueprint).errors;
	if (structural.length) throw new ValidationError(structural);
	const plan = planBlueprint(b, blueprint);
	if (plan.issues.length) throw new ValidationError(plan.issues);
	const rng = createRng(seed);
	const used = new Set<number>();
	for (const f of plan.fixed) for (const at of f) used.add(at);
	const drawn = blueprint.sections.map(() => [] as number[]);
	const order = plan.demands
		.map((d, i) => ({ d, i }))
		.sort((x, y) => x.d.pool.length - y.d.pool.length || x.i - y.i);
	let short = false;
	for (const { d } of order) {
		const got = drawFrom(d.pool, d.need, used, rng);
		drawn[d.section]!.push(...got);
		if (got.length < d.need) {
			short = true;
			break;
		}
	}
	if (short) {
		// Overlapping sections starved one another: fall back to the contest-aware greedy assignment,
		// still randomised (ties broken by the seeded rng) and deterministic per seed.
		const ok = (a: ReturnType<typeof greedyAssign>) =>
			a.every((x) => x.picked.length === x.demand.need);
		let assigned = greedyAssign(b.questions.length, plan, rng);
		if (!ok(assigned)) assigned = greedyAssign(b.questions.length, plan);
		if (!ok(assigned)) {
			const report = checkFeasibility(b, blueprint);
			const bad = assigned.find((x) => x.picked.length < x.demand.need)!.demand.section;
			throw new ValidationError(
				report.issues.length
					? report.issues
					: [
							{
								code: 'paper.assembly.overlap',
								path: `sections.${bad}`,
								data: { section: bad + 1 }
							}
						]
			);
		}
		drawn.forEach((l) => (l.length = 0));
		for (const { demand, picked } of assigned) drawn[demand.section]!.push(...picked);
	}
	let totalPoints = 0;
	const sections = blueprint.sections.map((s, i): PaperSection => {
		const shuffleQ = s.shuffleQuestions ?? blueprint.shuffleQuestions ?? true;
		const shuffleO = s.shuffleOptions ?? blueprint.shuffleOptions ?? true;
		const fixed = plan.fixed[i]!;
		const ids = shuffleQ
			? shuffled([...fixed, ...drawn[i]!], rng)
			: [...fixed, ...drawn[i]!.slice().sort((x, y) => x - y)];
		const items = ids.map((at) => makeItem(b.questions[at]!, s.points, shuffleO, rng));
		totalPoints += s.points * items.length;
		return {
			...(s.title === undefined ? {} : { title: s.title }),
			type: s.type,
			points: s.points,
			items
		};
	});
	return { sections, totalPoints };
}

/** Draws up to `need` unused positions from `pool` with a sparse partial Fisher–Yates shuffle. */
function drawFrom(pool: Int32Array, need: number, used: Set<number>, rng: Rng): number[] {
	const out: number[] = [];
	const swapped = new Map<number, number>();
	const n = pool.length;
	for (let i = 0; i < n && out.length < need; i++) {
		const j = i + rng.int(n - i);
		const vj = swapped.get(j) ?? j;
		swapped.set(j, swapped.get(i) ?? i);
		const at = pool[vj]!;
		if (used.has(at)) continue;
		used.add(at);
		out.push(at);
	}
	return out;
}

function makeItem(
	q: QuestionVersion,
	points: number,
	shuffleOptions: boolean,
	rng: Rng
): PaperItem {
	return { question: q, points, ...optionOrders(q, shuffleOptions ? rng : undefined) };
}

/** The option orders of one question as shown: {@link PaperItem.optionOrder} / `partOptionOrders`. */
export type OptionOrders = Pick<PaperItem, 'optionOrder' | 'partOptionOrders'>;

/**
 * The order in which a question's options are shown — shuffled with `rng`, or as written without
 * one — as option ids, for a choice question or each choice part of a case (other questions have
 * none). Grading maps the labels a candidate chose back to option ids through it, so shuffled
 * options are always graded by id, never by position.
 *
 * @param q - the question version
 * @param rng - a seeded random source (e.g. `createRng(seed)`); omit to keep the written order
 * @returns the orders to store with the item (an empty object for questions without options)
 * @example
 * const orders = optionOrders(q, createRng(`${setId}`)); // → { optionOrder: ['c', 'a', 'b'] }
 * gradeItem({ question: q, points: 1, ...orders }, { type: 'single', choice: 'B' }); // B is 'a'
 */
export function optionOrders(q: QuestionVersion, rng?: Rng): OptionOrders {
	const order = (ids: string[]) => (rng ? shuffled(ids, rng) : ids);
	if (q.type === 'single' || q.type === 'multiple')
		return { optionOrder: order(q.options.map((o) => o.id)) };
	if (q.type === 'case')
		return {
			partOptionOrders: q.parts.map((p) =>
				p.type === 'single' || p.type === 'multiple' ? order(p.options.map((o) => o.id)) : undefined
			)
		};
	return {};
}
