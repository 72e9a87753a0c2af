/**
 * Feasibility (可组卷检查): can the bank satisfy every section of a blueprint, and if not, by how much?
 */
import type { Issue } from '../errors.ts';
import { formatArticleNo } from '../question/articles.ts';
import type { QuestionType, QuestionVersion } from '../question/model.ts';
import { indexBank, type QuestionBank } from './bank.ts';
import { validateBlueprint, type Blueprint, type QuestionFilter } from './blueprint.ts';
import { greedyAssign, planBlueprint } from './plan.ts';

/** The outcome for one section. */
export interface SectionFeasibility {
	/** 1-based section number. */
	section: number;
	type: QuestionType;
	/** Questions the section needs, fixed ones included. */
	need: number;
	/** Bank questions matching the section on their own (ignoring other sections), plus its fixed ones. */
	available: number;
	/** Questions the section can actually get once other sections took theirs. */
	usable: number;
	/** `need - usable`, at least 0. */
	missing: number;
}

/** The outcome of {@link checkFeasibility}. */
export interface FeasibilityReport {
	feasible: boolean;
	sections: SectionFeasibility[];
	/** One issue per shortfall (and any blueprint problem), ready for {@link messageFor}. */
	issues: Issue[];
}

/**
 * Checks whether a bank can fill a blueprint, section by section, counting overlap: a question that
 * fits two sections is only used once.
 *
 * How exact: fixed questions are reserved first; then the tightest demands (smallest pools) pick
 * first, each taking the matching questions that the fewest other demands could use. When this
 * greedy assignment succeeds the blueprint is certainly feasible. It is exact when pools are
 * disjoint or nested; with tangled overlaps it may in rare cases report a shortfall that a cleverer
 * assignment would avoid (it never reports feasible wrongly).
 *
 * Issue codes: `paper.section.short` (the pool itself is too small: data `section, type, need, have,
 * missing, laws, topics, tags, difficulty`), `paper.section.short_level` (one difficulty level of a mix,
 * with `level`), `paper.section.short_overlap` (enough questions match, but `taken` of them are needed
 * by other sections), `paper.fixed.*`, `blueprint.*`. Law names in `laws` come from `lawNames`
 * (law id → display title) or are the law ids, joined with `、`.
 *
 * @param bank - an indexed bank or plain questions
 * @param blueprint - the blueprint
 * @param options - `lawNames` for display
 * @returns the report
 * @example
 * const report = checkFeasibility(bank, blueprint);
 * report.issues.map((i) => messageFor(i.code, i.data, 'zh-CN'));
 * // → ['第2部分需要20道行政处罚法多选题，题库只有12道']
 */
export function checkFeasibility(
	bank: QuestionBank | readonly QuestionVersion[],
	blueprint: Blueprint,
	options: { lawNames?: Readonly<Record<string, string>> } = {}
): FeasibilityReport {
	const b = 'byId' in bank ? bank : indexBank(bank);
	const structural = validateBlueprint(blueprint).errors;
	if (structural.length) return { feasible: false, sections: [], issues: structural };
	const plan = planBlueprint(b, blueprint);
	const issues = [...plan.issues];
	const got = blueprint.sections.map((_, i) => plan.fixed[i]!.length);
	const available = blueprint.sections.map((_, i) => plan.fixed[i]!.length);
	const seenInSection = blueprint.sections.map(() => new Set<number>());
	for (const d of plan.demands) for (const at of d.pool) seenInSection[d.section]!.add(at);
	seenInSection.forEach(
		(s, i) => (available[i]! += [...s].filter((at) => !plan.fixed[i]!.includes(at)).length)
	);

	for (const { demand: d, picked: take } of greedyAssign(b.questions.length, plan)) {
		got[d.section]! += take.length;
		if (take.length < d.need) {
			const s = blueprint.sections[d.section]!;
			const fixedAtLevel =
				d.level === undefined
					? plan.fixed[d.section]!.length
					: plan.fixed[d.section]!.filter((at) => b.questions[at]!.difficulty === d.level).length;
			const need = d.need + fixedAtLevel;
			const have = d.pool.length + fixedAtLevel;
			const base = {
				section: d.section + 1,
				type: s.type,
				need,
				...describeFilter(s.filter, options.lawNames)
			};
			if (d.pool.length < d.need) {
				const data = { ...base, have, missing: need - have };
				issues.push(
					d.level === undefined
						? { code: 'paper.section.short', path: `sections.${d.section}`, data }
						: {
								code: 'paper.section.short_level',
								path: `sections.${d.section}.difficultyMix`,
								data: { ...data, level: d.level }
							}
				);
			} else {
				const usable = take.length + fixedAtLevel;
				issues.push({
					code: 'paper.section.short_overlap',
					path: `sections.${d.section}`,
					data: {
						...base,
						have,
						usable,
						taken: d.pool.length - take.length,
						missing: need - usable,
						level: d.level ?? ''
					}
				});
			}
		}
	}
	const sections = blueprint.sections.map((s, i) => {
		const usable = Math.min(got[i]!, s.count);
		return {
			section: i + 1,
			type: s.type,
			need: s.count,
			available: available[i]!,
			usable,
			missing: Math.max(0, s.count - usable)
		};
	});
	return { feasible: issues.length === 0, sections, issues };
}

/**
 * Message data describing a filter, as used in feasibility issues.
 *
 * @param filter - the section's filter
 * @param lawNames - law id → display title (law ids are shown as they are otherwise)
 * @returns `laws` (with articles as 第N条), `topics`, `tags` joined with `、`, and `difficulty` as `min-max` (empty strings when absent)
 */
export function describeFilter(
	filter: QuestionFilter | undefined,
	lawNames: Readonly<Record<string, string>> = {}
): { laws: string; topics: string; tags: string; difficulty: string } {
	const laws = (filter?.laws ?? []).map((l) => {
		const name = lawNames[l.lawId] ?? l.lawId;
		return l.articleNo === undefined ? name : `${name}${formatArticleNo(l.articleNo)}`;
	});
	const d = filter?.difficulty;
	return {
		laws: laws.join('、'),
		topics: (filter?.topics ?? []).join('、'),
		tags: (filter?.tags ?? []).join('、'),
		difficulty: d ? `${d.min ?? 1}-${d.max ?? 5}` : ''
	};
}
