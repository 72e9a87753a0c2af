/**
 * Between form fields and the core's question model: reading a response from the fields of the
 * question form, the learner's self-assessment of essays, and the answer key shown after answering.
 */
import {
	formatLawCitation,
	OPTION_LABELS,
	partPoints,
	type CasePart,
	type ManualScores,
	type OptionOrders,
	type QuestionVersion,
	type Response
} from '@xuefa/core';
import type { AnswerInput } from '$lib/schemas/practice.ts';
import type { SelfMark } from '$lib/schemas/practice.ts';
import { renderMarkdown } from '../../markdown.ts';

type Fields = AnswerInput['fields'];
type Body = QuestionVersion | CasePart;

function bodyResponse(body: Body, key: string, fields: Fields): Response {
	const first = (k: string) => fields[k]?.[0] ?? '';
	switch (body.type) {
		case 'single':
			return { type: 'single', choice: first(key) || null };
		case 'multiple':
			return { type: 'multiple', choices: (fields[key] ?? []).filter(Boolean) };
		case 'truefalse': {
			const v = first(key);
			return { type: 'truefalse', answer: v === 'true' ? true : v === 'false' ? false : null };
		}
		case 'fill':
			return { type: 'fill', blanks: body.blanks.map((_, j) => first(`${key}_${j}`)) };
		case 'essay':
			return { type: 'essay', text: first(key) };
		default:
			return { type: 'case', parts: [] };
	}
}

/**
 * The response as the learner gave it, read from the form fields against the stored question (the
 * field `a`, or `p0`, `p1` … for the parts of a case).
 */
export function responseFromFields(q: QuestionVersion, fields: Fields): Response {
	if (q.type !== 'case') return bodyResponse(q, 'a', fields);
	return { type: 'case', parts: q.parts.map((p, i) => bodyResponse(p, `p${i}`, fields)) };
}

/** The field keys of the essay bodies of a question: the learner marks these themselves. */
export function essayKeys(q: QuestionVersion): string[] {
	if (q.type === 'essay') return ['a'];
	if (q.type !== 'case') return [];
	return q.parts.flatMap((p, i) => (p.type === 'essay' ? [`p${i}`] : []));
}

const MARK_FRACTION: Record<SelfMark, number> = { right: 1, partly: 0.5, wrong: 0 };

/** The self-assessment as the core's manual scores, for a question graded out of 1 point. */
export function manualScores(q: QuestionVersion, marks: Record<string, SelfMark>): ManualScores {
	if (q.type === 'essay') return { [q.id]: MARK_FRACTION[marks.a ?? 'wrong'] };
	if (q.type !== 'case') return {};
	const pts = partPoints(q.parts, 1);
	const out: Record<string, number> = {};
	q.parts.forEach((p, i) => {
		if (p.type === 'essay')
			out[`${q.id}#${i}`] = pts[i]! * MARK_FRACTION[marks[`p${i}`] ?? 'wrong']!;
	});
	return out;
}

/** What the learner sees after answering one body: the key next to their own answer. */
export type KeyView =
	| {
			type: 'single' | 'multiple';
			options: { label: string; html: string; correct: boolean; chosen: boolean }[];
	  }
	| { type: 'truefalse'; answer: boolean; given: boolean | null }
	| { type: 'fill'; blanks: { answers: string[]; given: string }[] }
	| { type: 'essay'; referenceHtml: string; rubricHtml: string; given: string };

function keyView(
	body: Exclude<Body, { type: 'case' }>,
	r: Response | null | undefined,
	order: readonly string[] | undefined
): KeyView {
	switch (body.type) {
		case 'single':
		case 'multiple': {
			// the labels chosen are those shown: list the options in the order shown (by option id)
			const chosen =
				r?.type === 'single' ? [r.choice ?? ''] : r?.type === 'multiple' ? r.choices : [];
			const shown = order
				? order.flatMap((id) => body.options.filter((o) => o.id === id))
				: body.options;
			return {
				type: body.type,
				options: shown.map((o, i) => ({
					label: OPTION_LABELS[i]!,
					html: renderMarkdown(o.text),
					correct: o.correct,
					chosen: chosen.includes(OPTION_LABELS[i]!)
				}))
			};
		}
		case 'truefalse':
			return {
				type: 'truefalse',
				answer: body.answer,
				given: r?.type === 'truefalse' ? r.answer : null
			};
		case 'fill':
			return {
				type: 'fill',
				blanks: body.blanks.map((b, j) => ({
					answers: b.answers,
					given: r?.type === 'fill' ? (r.blanks[j] ?? '') : ''
				}))
			};
		case 'essay':
			return {
				type: 'essay',
				referenceHtml: renderMarkdown(body.referenceAnswer ?? ''),
				rubricHtml: renderMarkdown(body.rubric ?? ''),
				given: r?.type === 'essay' ? r.text : ''
			};
	}
}

/** One body with its key, for the feedback page. */
export interface FeedbackBody {
	stemHtml: string;
	explanationHtml: string;
	key: KeyView;
}

/**
 * The answer keys and explanations of a question (the case's parts in order), options in the
 * order the learner saw them.
 */
export function feedbackBodies(
	q: QuestionVersion,
	r: Response,
	orders: OptionOrders = {}
): FeedbackBody[] {
	if (q.type !== 'case')
		return [{ stemHtml: '', explanationHtml: '', key: keyView(q, r, orders.optionOrder) }];
	const parts = r.type === 'case' ? r.parts : [];
	return q.parts.map((p, i) => ({
		stemHtml: renderMarkdown(p.stem),
		explanationHtml: renderMarkdown(p.explanation ?? ''),
		key: keyView(p, parts[i], orders.partOptionOrders?.[i])
	}));
}

/** The statute citations of a question, each linking to the article in the statute library. */
export function citations(q: QuestionVersion): { text: string; href: string }[] {
	return q.laws.map((ref) => ({
		text: formatLawCitation(ref),
		href: `/laws/cite/${encodeURIComponent(ref.lawId)}${ref.articleNo ? `/${ref.articleNo}` : ''}`
	}));
}
