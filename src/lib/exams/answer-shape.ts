/**
 * What an answer to each question of a paper may look like: its type, the option labels shown,
 * how many blanks, a case's parts. Kept beside the paper when it is drawn (a few bytes a question),
 * so that a save is checked against its question without reading the paper or its view on the hot
 * path. The exam page never sends anything else; a hand-made request that does (a choice of the
 * wrong type, an option the question lacks) would be stored as an answer and counted as answered
 * on the monitor though it grades as nothing, so it is refused instead.
 */
import type { Response } from '@xuefa/core';
import type { PaperView } from './paper-view.ts';
import type { ShownQuestion } from './responses.ts';

/** The shape of one question's answer. */
export interface AnswerShape {
	type: Response['type'];
	/** The option labels shown (`ABCD`), for choice questions. */
	labels?: string;
	/** How many blanks, for a fill question. */
	blanks?: number;
	/** Each part's shape, for a case question. */
	parts?: AnswerShape[];
}

/** Answer shapes by question id. */
export type AnswerShapes = Record<string, AnswerShape>;

function shapeOf(q: ShownQuestion): AnswerShape {
	return {
		type: q.type,
		...(q.options ? { labels: q.options.map((o) => o.label).join('') } : {}),
		...(q.blanks === undefined ? {} : { blanks: q.blanks }),
		...(q.parts ? { parts: q.parts.map(shapeOf) } : {})
	};
}

/** The answer shapes of a paper, from what the candidate is shown of it. */
export function answerShapes(view: PaperView): AnswerShapes {
	return Object.fromEntries(view.items.map((i) => [i.questionId, shapeOf(i.question)]));
}

/**
 * Whether `response` is one the question could have been given on the exam page: its type, only
 * options shown (each once), no more blanks or parts than it has. A cleared answer (null) fits.
 */
export function fitsShape(shape: AnswerShape, response: Response | null): boolean {
	if (response === null) return true;
	if (response.type !== shape.type) return false;
	const labels = shape.labels ?? '';
	switch (response.type) {
		case 'single':
			return response.choice === null || labels.includes(response.choice);
		case 'multiple':
			return (
				response.choices.every((c) => labels.includes(c)) &&
				new Set(response.choices).size === response.choices.length
			);
		case 'fill':
			// the page shows one blank when the count is unknown (lib/exams/responses.ts)
			return response.blanks.length <= (shape.blanks ?? 1);
		case 'case': {
			const parts = shape.parts ?? [];
			return (
				response.parts.length <= parts.length &&
				response.parts.every((p, i) => fitsShape(parts[i]!, p))
			);
		}
		default:
			return true;
	}
}
