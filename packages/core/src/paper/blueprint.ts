/**
 * Blueprints (组卷策略): ordered sections that draw questions by filter, and their validation.
 */
import type { Issue } from '../errors.ts';
import { result, type ValidationResult } from '../rule-result.ts';
import {
	QUESTION_TYPES,
	type LawRef,
	type QuestionType,
	type QuestionVersion
} from '../question/model.ts';

/**
 * Which questions a section may draw. Within one list any entry matches (OR); different kinds of
 * criteria must all match (AND). An empty or absent list does not filter.
 */
export interface QuestionFilter {
	/** Laws or articles; a ref without `articleNo` matches every article of that law. */
	laws?: LawRef[];
	/** Topics (知识点), exact match. */
	topics?: string[];
	/** Free tags; a question matches when it has any of them. */
	tags?: string[];
	/** Inclusive difficulty range, each end optional. */
	difficulty?: { min?: number; max?: number };
}

/** One section (部分) of a blueprint. */
export interface BlueprintSection {
	/** Heading shown to candidates, e.g. `一、单项选择题`. */
	title?: string;
	/** The question type every question of the section has. */
	type: QuestionType;
	/** How many questions, fixed ones included. */
	count: number;
	/** Points per question. */
	points: number;
	/** Which bank questions may be drawn. */
	filter?: QuestionFilter;
	/**
	 * Difficulty distribution: how many questions of each difficulty (keys 1–5); the values must
	 * sum to `count`. Fixed questions use up their own level's quota.
	 */
	difficultyMix?: Partial<Record<1 | 2 | 3 | 4 | 5, number>>;
	/** Question ids always included (the bank's current version); they count toward `count`. */
	fixed?: string[];
	/** Shuffle question order in this section (default: the blueprint's, else true). */
	shuffleQuestions?: boolean;
	/** Shuffle option order of choice questions (default: the blueprint's, else true). */
	shuffleOptions?: boolean;
}

/** A blueprint: sections in paper order, plus default shuffle flags. A fixed paper is a blueprint whose sections list only `fixed` questions. */
export interface Blueprint {
	sections: BlueprintSection[];
	/** Default for every section; true when absent. */
	shuffleQuestions?: boolean;
	/** Default for every section; true when absent. */
	shuffleOptions?: boolean;
}

/**
 * Lists the structural problems of a blueprint (`ok` when it is well formed).
 *
 * @param blueprint - the blueprint
 * @returns `{ ok, errors, warnings }`: errors with codes under `blueprint.`, paths like `sections.1.count`, and `data.section` 1-based
 * @example
 * validateBlueprint({ sections: [{ type: 'single', count: 0, points: 1 }] }).errors; // → [{ code: 'blueprint.section.count', … }]
 */
export function validateBlueprint(blueprint: Blueprint): ValidationResult {
	const issues: Issue[] = [];
	if (blueprint.sections.length === 0) issues.push({ code: 'blueprint.empty', path: 'sections' });
	const seenFixed = new Set<string>();
	blueprint.sections.forEach((s, i) => {
		const path = `sections.${i}`;
		const section = i + 1;
		const add = (code: string, field: string, data: Record<string, unknown> = {}) =>
			issues.push({ code, path: `${path}.${field}`, data: { section, ...data } });
		if (!(QUESTION_TYPES as readonly string[]).includes(s.type))
			add('blueprint.section.type', 'type', { value: s.type });
		if (!Number.isInteger(s.count) || s.count < 1)
			add('blueprint.section.count', 'count', { value: s.count });
		if (!(s.points > 0) || !Number.isFinite(s.points))
			add('blueprint.section.points', 'points', { value: s.points });
		const d = s.filter?.difficulty;
		if (d && ((d.min ?? 1) > (d.max ?? 5) || (d.min ?? 1) < 1 || (d.max ?? 5) > 5))
			add('blueprint.section.difficulty', 'filter.difficulty', { min: d.min, max: d.max });
		if (s.difficultyMix) {
			const entries = Object.entries(s.difficultyMix);
			const sum = entries.reduce((t, [, n]) => t + (n ?? 0), 0);
			const bad = entries.some(
				([k, n]) => !/^[1-5]$/.test(k) || !Number.isInteger(n) || (n ?? 0) < 0
			);
			if (bad || sum !== s.count)
				add('blueprint.section.mix', 'difficultyMix', { sum, count: s.count });
		}
		const fixed = s.fixed ?? [];
		if (fixed.length > s.count)
			add('blueprint.section.fixed_count', 'fixed', { fixed: fixed.length, count: s.count });
		for (const id of fixed) {
			if (seenFixed.has(id)) add('blueprint.fixed.duplicate', 'fixed', { questionId: id });
			seenFixed.add(id);
		}
	});
	return result(issues);
}

/**
 * Tells whether a question matches a section's type and filter.
 *
 * @param q - the question version
 * @param type - the section type
 * @param filter - the filter (optional)
 * @returns true when it may be drawn
 */
export function matchesFilter(
	q: QuestionVersion,
	type: QuestionType,
	filter?: QuestionFilter
): boolean {
	if (q.type !== type) return false;
	if (!filter) return true;
	const { laws, topics, tags, difficulty } = filter;
	if (difficulty && (q.difficulty < (difficulty.min ?? 1) || q.difficulty > (difficulty.max ?? 5)))
		return false;
	if (topics?.length && (q.topic === undefined || !topics.includes(q.topic))) return false;
	if (tags?.length && !q.tags.some((t) => tags.includes(t))) return false;
	if (
		laws?.length &&
		!laws.some((f) =>
			q.laws.some(
				(l) => l.lawId === f.lawId && (f.articleNo === undefined || l.articleNo === f.articleNo)
			)
		)
	)
		return false;
	return true;
}
