/**
 * The candidate's view of a paper: what is sent to the browser, with no answers in it.
 */
import { type CasePart, type ChoiceOption, type QuestionType } from '../question/model.ts';
import type { Paper, PaperItem } from './assemble.ts';

/** Option labels in display order: A, B, C, … */
export const OPTION_LABELS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** An option as shown: its display label and text, nothing else. */
export interface CandidateOption {
	label: string;
	text: string;
}

/** A question (or case part) as shown to the candidate. */
export interface CandidateQuestion {
	type: QuestionType;
	stem: string;
	/** Choice questions: options in display order. */
	options?: CandidateOption[];
	/** Fill-in: the number of blanks to answer. */
	blanks?: number;
	/** Case: its sub-questions. */
	parts?: CandidateQuestion[];
	/** Case parts: the points this part is worth. */
	points?: number;
}

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
 * Produces the candidate's view of a paper. Built field by field (never by deleting keys from a copy),
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
				...viewOf(item)
			}))
		}))
	};
}

function viewOf(item: PaperItem): CandidateQuestion {
	const q = item.question;
	if (q.type === 'case') {
		const pts = partPoints(q.parts, item.points);
		return {
			type: 'case',
			stem: q.stem,
			parts: q.parts.map((p, i) => ({
				...partView(p, item.partOptionOrders?.[i]),
				points: pts[i]!
			}))
		};
	}
	return partView(q, item.optionOrder);
}

function partView(q: CasePart, order: string[] | undefined): CandidateQuestion {
	switch (q.type) {
		case 'single':
		case 'multiple':
			return { type: q.type, stem: q.stem, options: displayOptions(q.options, order) };
		case 'fill':
			return { type: 'fill', stem: q.stem, blanks: q.blanks.length };
		default:
			return { type: q.type, stem: q.stem };
	}
}

/**
 * Lists options as the candidate sees them: in `order` (option ids), labelled A, B, C, ….
 *
 * @param options - the question's options
 * @param order - option ids in display order (a paper item's `optionOrder`); the question's own order when absent
 * @returns labels and texts only
 */
export function displayOptions(
	options: readonly ChoiceOption[],
	order?: readonly string[]
): CandidateOption[] {
	const ordered = order
		? order.map((id) => options.find((o) => o.id === id)!).filter(Boolean)
		: options;
	return ordered.map((o, i) => ({ label: OPTION_LABELS[i]!, text: o.text }));
}

/**
 * Splits a case question's points over its parts by weight (default weight 1), rounded to 0.01 with
 * the rounding remainder on the last part so the parts always sum to the whole.
 *
 * @param parts - the case's parts
 * @param points - the case's points
 * @returns points per part
 */
export function partPoints(parts: readonly CasePart[], points: number): number[] {
	const total = parts.reduce((t, p) => t + (p.weight ?? 1), 0);
	const out = parts.map((p) => Math.round(((p.weight ?? 1) / total) * points * 100) / 100);
	if (out.length)
		out[out.length - 1] =
			Math.round((points - out.slice(0, -1).reduce((a, b) => a + b, 0)) * 100) / 100;
	return out;
}
