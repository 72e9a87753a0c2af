/**
 * The candidate's view of a drawn paper: each question as the core's candidate view (no keys, no
 * explanations, no reference answers) rendered to sanitised HTML, in the paper's order. Built once
 * when the paper is drawn and kept beside it, so that the exam page, loaded by hundreds of
 * candidates within seconds of the window opening, only reads it.
 */
import type { Paper } from '@xuefa/core';
import { type QuestionView, questionView } from '../practice/session.ts';

export interface PaperItemView {
	no: number;
	questionId: string;
	section: number;
	points: number;
	question: QuestionView;
}

/** The whole paper as the exam page shows it: its sections in short, and every question. */
export interface PaperView {
	sections: { type: Paper['sections'][number]['type']; points: number; count: number }[];
	totalPoints: number;
	items: PaperItemView[];
}

/** The candidate view of `paper`, its questions numbered from 1. */
export function paperView(paper: Paper): PaperView {
	let no = 0;
	const items = paper.sections.flatMap((s, i) =>
		s.items.map((item) => ({
			no: ++no,
			questionId: item.question.id,
			section: i,
			points: item.points,
			question: questionView(item.question, {
				...(item.optionOrder ? { optionOrder: item.optionOrder } : {}),
				...(item.partOptionOrders ? { partOptionOrders: item.partOptionOrders } : {})
			})
		}))
	);
	return {
		sections: paper.sections.map((s) => ({
			type: s.type,
			points: s.points,
			count: s.items.length
		})),
		totalPoints: paper.totalPoints,
		items
	};
}
