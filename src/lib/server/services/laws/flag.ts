import { eq, inArray } from 'drizzle-orm';
import type { StatuteDiff } from '@xuefa/core';
import type { Tx } from '../../db/index.ts';
import { question, questionLawRef } from '../../db/schema/index.ts';

/**
 * Flags for review every question whose current version cites a changed, new or removed article
 * of `law` (a citation of the whole law, article 0, is flagged when anything changed). A question
 * already flagged for the same law keeps its earlier articles too. Lessons do not exist yet; when
 * they do, their citations belong here as well.
 * @returns the number of questions flagged
 */
export async function flagCitingQuestions(
	db: Tx,
	input: { law: string; versionId: number; diff: StatuteDiff }
): Promise<number> {
	const { law, versionId, diff } = input;
	const touched = new Set([...diff.changed, ...diff.removed]);
	if (touched.size === 0) return 0;
	// question_law_ref always mirrors each question's current version (storeQuestion rewrites it)
	const refs = await db
		.select({ questionId: questionLawRef.questionId, articleNo: questionLawRef.articleNo })
		.from(questionLawRef)
		.where(eq(questionLawRef.law, law));
	const hits = new Map<number, Set<number>>();
	for (const r of refs) {
		if (r.articleNo !== 0 && !touched.has(r.articleNo)) continue;
		let set = hits.get(r.questionId);
		if (!set) hits.set(r.questionId, (set = new Set()));
		set.add(r.articleNo);
	}
	if (hits.size === 0) return 0;
	const current = await db
		.select({ id: question.id, reviewFlag: question.reviewFlag })
		.from(question)
		.where(inArray(question.id, [...hits.keys()]));
	for (const q of current) {
		const articles = new Set(hits.get(q.id));
		if (q.reviewFlag?.law === law) q.reviewFlag.articles.forEach((a) => articles.add(a));
		await db
			.update(question)
			.set({
				reviewFlag: { law, articles: [...articles].sort((a, b) => a - b), versionId }
			})
			.where(eq(question.id, q.id));
	}
	return current.length;
}
