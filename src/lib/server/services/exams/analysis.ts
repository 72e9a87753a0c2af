/**
 * A sitting's figures beyond the table: the score distribution (in percent of the paper, so papers
 * drawn per candidate compare) and the item analysis of the core (facility, discrimination,
 * point-biserial) per question, over each candidate's attempt that counts under the exam's policy
 * (the one the results table lists).
 */
import { and, asc, eq } from 'drizzle-orm';
import { itemStatistics, scoreDistribution } from '@xuefa/core';
import type { Ctx } from '../../context.ts';
import { examAttempt, examPaper } from '../../db/schema/index.ts';
import { paperOfAttempt } from './attempt-paper.ts';
import { loadSitting } from './access.ts';
import { countingByPerson } from './counting.ts';

const round = (x: number | null, digits = 2) =>
	x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;

export async function sittingAnalysis(ctx: Ctx, sittingId: number) {
	const { exam: e } = await loadSitting(ctx, sittingId);
	const rows = await ctx.db
		.select({
			personId: examAttempt.personId,
			number: examAttempt.number,
			state: examAttempt.state,
			score: examAttempt.score,
			grade: examAttempt.grade,
			paper: examPaper.paper
		})
		.from(examAttempt)
		.innerJoin(examPaper, paperOfAttempt)
		.where(and(eq(examAttempt.sittingId, sittingId), eq(examAttempt.state, 'graded')))
		.orderBy(asc(examAttempt.number));
	const graded = [...countingByPerson(rows, e.counts).values()].flatMap(({ counting }) =>
		counting?.grade ? [counting] : []
	);
	const percents = graded.map((r) =>
		r.grade!.maxScore ? (r.grade!.score / r.grade!.maxScore) * 100 : 0
	);
	const dist = scoreDistribution(percents, { maxScore: 100, binWidth: 10 });
	const stems = new Map<string, { type: string; stem: string }>();
	for (const r of graded)
		for (const s of r.paper.sections)
			for (const i of s.items)
				stems.set(i.question.id, { type: i.question.type, stem: i.question.stem.slice(0, 60) });
	return {
		distribution: {
			bins: dist.bins,
			n: dist.n,
			mean: round(dist.mean, 1)!,
			median: round(dist.median, 1)!,
			stdDev: round(dist.stdDev, 1)!
		},
		items: itemStatistics(graded.map((r) => r.grade!)).map((s) => ({
			questionId: s.questionId,
			...stems.get(s.questionId)!,
			n: s.n,
			facility: round(s.facility)!,
			discrimination: round(s.discrimination),
			pointBiserial: round(s.pointBiserial),
			unanswered: s.unanswered
		}))
	};
}
