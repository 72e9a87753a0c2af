/**
 * The candidate's view of a paper: what is sent to the browser, with no answers in it.
 */
import type { CandidateQuestion } from '../question/candidate-question.ts';
import type { QuestionType } from '../question/model.ts';
import { viewBody } from '../question/types/common.ts';
import { QUESTION_TYPE_MODULES } from '../question/types/registry.ts';
import type { Paper } from './assemble.ts';

export { displayOptions } from '../question/types/choice.ts';
export { partPoints } from '../question/types/case/index.ts';

export type { CandidateOption, CandidateQuestion } from '../question/candidate-question.ts';

/** A paper item as shown: numbered, keyed by question id (responses are keyed the same way). */
export interface CandidateItem extends CandidateQuestion {
	/** 1-based number across the whole paper. */
	no: number;
	questionId: string;
	points: number;
}

/** A paper as sent to a candidate: no answer keys, explanations, reference answers, rubrics or feedback. */
export interface CandidatePaper {
	sections: {
		no: number;
		title?: string;
		type: QuestionType;
		points: number;
		items: CandidateItem[];
	}[];
	totalPoints: number;
}

/**
 * Produces the candidate's view of a paper, each question through its type's module. Built field by field (never by deleting keys from a copy),
 * so new answer fields added to the model later cannot leak.
 *
 * @param paper - the full paper
 * @returns the view to send
 * @example
 * const view = toCandidatePaper(paper); // JSON.stringify(view) has no 'correct', 'answers', 'explanation'
 */
export function toCandidatePaper(paper: Paper): CandidatePaper {
	let no = 0;
	return {
		totalPoints: paper.totalPoints,
		sections: paper.sections.map((s, i) => ({
			no: i + 1,
			...(s.title === undefined ? {} : { title: s.title }),
			type: s.type,
			points: s.points,
			items: s.items.map((item) => ({
				no: ++no,
				questionId: item.question.id,
				points: item.points,
				...viewBody(QUESTION_TYPE_MODULES, item.question, {
					points: item.points,
					order: item.optionOrder,
					partOrders: item.partOptionOrders
				})
			}))
		}))
	};
}
