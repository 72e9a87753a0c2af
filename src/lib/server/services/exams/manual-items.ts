/**
 * The answers of a paper that a person grades: essays, and the essay parts of case questions,
 * each under the key the core's manual scores use (`questionId`, or `questionId#part`).
 */
import { type Paper, type Response, partPoints } from '@xuefa/core';
import { renderMarkdown } from '../../markdown.ts';

export interface ManualItem {
	key: string;
	questionId: string;
	/** The case part (0-based), or null for an essay question. */
	part: number | null;
	/** The question's number on this paper. */
	no: number;
	points: number;
	stem: string;
	partStem: string;
	referenceAnswer: string;
	rubric: string;
}

/** Every hand-graded answer slot of the paper, in paper order. */
export function manualItems(paper: Paper): ManualItem[] {
	const out: ManualItem[] = [];
	let no = 0;
	for (const section of paper.sections)
		for (const item of section.items) {
			no++;
			const q = item.question;
			if (q.type === 'essay')
				out.push({
					key: q.id,
					questionId: q.id,
					part: null,
					no,
					points: item.points,
					stem: q.stem,
					partStem: '',
					referenceAnswer: q.referenceAnswer ?? '',
					rubric: q.rubric ?? ''
				});
			else if (q.type === 'case') {
				const pts = partPoints(q.parts, item.points);
				q.parts.forEach((p, i) => {
					if (p.type !== 'essay') return;
					out.push({
						key: `${q.id}#${i}`,
						questionId: q.id,
						part: i,
						no,
						points: pts[i]!,
						stem: q.stem,
						partStem: p.stem,
						referenceAnswer: p.referenceAnswer ?? '',
						rubric: p.rubric ?? ''
					});
				});
			}
		}
	return out;
}

/** Whether anything on the paper waits for a grader (its results then wait for release). */
export function gradedByHand(paper: Paper): boolean {
	return manualItems(paper).length > 0;
}

/** The text the candidate wrote for a slot ('' when unanswered). */
export function givenText(item: ManualItem, response: Response | undefined): string {
	const r =
		item.part === null ? response : response?.type === 'case' ? response.parts[item.part] : null;
	return r?.type === 'essay' ? r.text : '';
}

/** The slot's question, reference answer and rubric as sanitised HTML, for the grading page. */
export function renderedItem(item: ManualItem) {
	return {
		stemHtml: renderMarkdown(item.stem),
		partStemHtml: item.partStem ? renderMarkdown(item.partStem) : '',
		referenceHtml: renderMarkdown(item.referenceAnswer),
		rubricHtml: item.rubric ? renderMarkdown(item.rubric) : ''
	};
}
