/**
 * The review of a finished attempt, question by question, with only what the exam's review options
 * allow now: the score of each question (and the grader's comment), the right answers next to the
 * candidate's (the per-type key views), the explanations. Nothing else of the key is read out: before
 * the right answers may be seen, only the marks of essays (which tell no key) are listed.
 */
import type { AttemptGrade, Paper, Response } from '@xuefa/core';
import { renderMarkdown } from '../../markdown.ts';
import { type FeedbackBody, feedbackBodies } from '../practice/responses.ts';

export interface ReviewItem {
	no: number;
	points: number;
	stemHtml: string;
	/** Points awarded and the outcome, when the score may be seen. */
	score: number | null;
	status: string | null;
	comments: string[];
	/** The key views, when the right answers may be seen (explanations only when they may be). */
	bodies: FeedbackBody[];
	explanationHtml: string;
}

export function reviewItems(
	paper: Paper,
	responses: Record<string, Response>,
	grade: AttemptGrade | null,
	comments: Map<string, string>,
	show: { score: boolean; answers: boolean; explanations: boolean }
): ReviewItem[] {
	if (!show.score && !show.answers) return [];
	const grades = new Map(grade?.items.map((g) => [g.questionId, g]));
	let no = 0;
	const items = paper.sections.flatMap((s) =>
		s.items.map((item) => {
			const q = item.question;
			// a choice question's points would tell its key: only an essay's show before the answers may
			const g = show.score && (show.answers || q.type === 'essay') ? grades.get(q.id) : undefined;
			const bodies = show.answers
				? feedbackBodies(q, responses[q.id], {
						...(item.optionOrder ? { optionOrder: item.optionOrder } : {}),
						...(item.partOptionOrders ? { partOptionOrders: item.partOptionOrders } : {})
					}).map((b) => (show.explanations ? b : { ...b, explanationHtml: '' }))
				: [];
			return {
				no: ++no,
				points: item.points,
				stemHtml: renderMarkdown(q.stem),
				score: g?.score ?? null,
				status: g?.status ?? null,
				comments: show.score
					? [...comments]
							.filter(([k, c]) => c && (k === q.id || k.startsWith(`${q.id}#`)))
							.map(([, c]) => c)
					: [],
				bodies,
				explanationHtml: show.explanations && q.explanation ? renderMarkdown(q.explanation) : ''
			};
		})
	);
	// before the answers may be seen, only what a grader marked (its points and comment) is listed
	return show.answers ? items : items.filter((i) => i.score !== null || i.comments.length > 0);
}
