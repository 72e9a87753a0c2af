/**
 * The indexed question bank (题库): built once, reused for every candidate's draw.
 */
import type { QuestionType, QuestionVersion } from '../question/model.ts';
import { matchesFilter, type QuestionFilter } from './blueprint.ts';

/**
 * An indexed, read-only bank: one current version per question id, with lookups by type, law,
 * article, topic and tag, and a cache of filtered pools. Build with {@link indexBank}.
 */
export interface QuestionBank {
	/** The questions, in the order given (duplicates of an id reduced to the highest version). */
	readonly questions: readonly QuestionVersion[];
	/** Position of a question id in `questions`. */
	readonly byId: ReadonlyMap<string, number>;
	/** @internal */
	readonly lists: ReadonlyMap<string, readonly number[]>;
	/** @internal filtered pools, keyed by type and filter */
	readonly pools: Map<string, Int32Array>;
}

const EMPTY: readonly number[] = [];

/**
 * Indexes questions for fast drawing. Keep the result and reuse it for every candidate of a sitting.
 *
 * @param questions - the bank's current question versions (if an id repeats, the highest version wins)
 * @returns the indexed bank
 * @example
 * const bank = indexBank(questions);
 * const paper = assemblePaper(bank, blueprint, 'sitting-7:person-42');
 */
export function indexBank(questions: readonly QuestionVersion[]): QuestionBank {
	const byIdVersion = new Map<string, QuestionVersion>();
	for (const q of questions) {
		const prev = byIdVersion.get(q.id);
		if (!prev || q.version > prev.version) byIdVersion.set(q.id, q);
	}
	const list = byIdVersion.size === questions.length ? questions : [...byIdVersion.values()];
	const byId = new Map<string, number>();
	const lists = new Map<string, number[]>();
	const push = (key: string, i: number) => {
		const l = lists.get(key);
		if (l) {
			if (l[l.length - 1] !== i) l.push(i);
		} else lists.set(key, [i]);
	};
	list.forEach((q, i) => {
		byId.set(q.id, i);
		push(`y:${q.type}`, i);
		for (const law of q.laws) {
			push(`l:${law.lawId}`, i);
			if (law.articleNo !== undefined) push(`a:${law.lawId}#${law.articleNo}`, i);
		}
		if (q.topic !== undefined) push(`t:${q.topic}`, i);
		for (const tag of q.tags) push(`g:${tag}`, i);
	});
	return { questions: list, byId, lists, pools: new Map() };
}

/**
 * The bank positions of every question matching a type and filter, ascending; cached on the bank.
 *
 * @internal
 */
export function poolOf(
	bank: QuestionBank,
	type: QuestionType,
	filter?: QuestionFilter
): Int32Array {
	const key = `${type}|${filter ? JSON.stringify(filter) : ''}`;
	const cached = bank.pools.get(key);
	if (cached) return cached;
	// Start from the narrowest index list, then test the full predicate.
	const get = (k: string) => bank.lists.get(k) ?? EMPTY;
	const sources: (readonly number[])[][] = [[get(`y:${type}`)]];
	if (filter?.laws?.length)
		sources.push(
			filter.laws.map((l) =>
				get(l.articleNo === undefined ? `l:${l.lawId}` : `a:${l.lawId}#${l.articleNo}`)
			)
		);
	if (filter?.topics?.length) sources.push(filter.topics.map((t) => get(`t:${t}`)));
	if (filter?.tags?.length) sources.push(filter.tags.map((t) => get(`g:${t}`)));
	const size = (s: (readonly number[])[]) => s.reduce((n, l) => n + l.length, 0);
	const best = sources.reduce((a, b) => (size(b) < size(a) ? b : a));
	const candidates = best.length === 1 ? best[0]! : [...new Set(best.flat())].sort((a, b) => a - b);
	const out: number[] = [];
	for (const i of candidates) if (matchesFilter(bank.questions[i]!, type, filter)) out.push(i);
	const pool = Int32Array.from(out);
	bank.pools.set(key, pool);
	return pool;
}
