/**
 * Builds the candidate's view of a drawn paper ($lib/exams/paper-view.ts). Built once when the
 * paper is drawn and kept beside it, so that the exam page, loaded by hundreds of candidates
 * within seconds of the window opening, only reads it.
 */
import type { Paper } from '@xuefa/core';
import type { PaperView } from '$lib/exams/paper-view.ts';
import { questionView } from '../practice/session.ts';

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
