/**
 * Between form fields and the core's question model: reading a response from the fields of the
 * question form, the learner's self-assessment of essays, and the answer key shown after answering.
 */
import {
	partPoints,
	questionTypeModule,
	type CasePart,
	type ManualScores,
	type OptionOrders,
	type QuestionVersion,
	type Response
} from '@xuefa/core';
import type { KeyView } from '$lib/components/questions/types/model.ts';
import { citationLabel } from '$lib/laws.ts';
import { partUi } from '$lib/components/questions/types/parts.ts';
import { typeUi } from '$lib/components/questions/types/registry.ts';
import type { AnswerInput, SelfMark } from '$lib/schemas/practice.ts';
import { renderMarkdown } from '../../markdown.ts';

export type { KeyView };

/**
 * The response as the learner gave it, read from the form fields against the stored question (the
 * field `a`, or `p0`, `p1` … for the parts of a case).
 */
export function responseFromFields(q: QuestionVersion, fields: AnswerInput['fields']): Response {
	return typeUi(q.type).responseFromFields(q, 'a', fields);
}

const byHand = (b: QuestionVersion | CasePart) => questionTypeModule(b.type).gradedByHand;

/** The field keys of the bodies graded by hand (essays): the learner marks these themselves. */
export function essayKeys(q: QuestionVersion): string[] {
	if (q.type !== 'case') return byHand(q) ? ['a'] : [];
	return q.parts.flatMap((p, i) => (byHand(p) ? [`p${i}`] : []));
}

const MARK_FRACTION: Record<SelfMark, number> = { right: 1, partly: 0.5, wrong: 0 };

/** The self-assessment as the core's manual scores, for a question graded out of 1 point. */
export function manualScores(q: QuestionVersion, marks: Record<string, SelfMark>): ManualScores {
	if (q.type !== 'case') return byHand(q) ? { [q.id]: MARK_FRACTION[marks.a ?? 'wrong'] } : {};
	const pts = partPoints(q.parts, 1);
	const out: Record<string, number> = {};
	q.parts.forEach((p, i) => {
		if (byHand(p)) out[`${q.id}#${i}`] = pts[i]! * MARK_FRACTION[marks[`p${i}`] ?? 'wrong']!;
	});
	return out;
}

function keyView(
	body: Exclude<QuestionVersion | CasePart, { type: 'case' }>,
	r: Response | null | undefined,
	order: readonly string[] | undefined
): KeyView {
	return partUi(body.type).keyView!(body as CasePart, r, order, renderMarkdown);
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
	r: Response | undefined,
	orders: OptionOrders = {}
): FeedbackBody[] {
	if (q.type !== 'case')
		return [{ stemHtml: '', explanationHtml: '', key: keyView(q, r, orders.optionOrder) }];
	const parts = r?.type === 'case' ? r.parts : [];
	return q.parts.map((p, i) => ({
		stemHtml: renderMarkdown(p.stem),
		explanationHtml: renderMarkdown(p.explanation ?? ''),
		key: keyView(p, parts[i], orders.partOptionOrders?.[i])
	}));
}

/** The statute citations of a question, each linking to the article in the statute library. */
export function citations(q: QuestionVersion): { text: string; href: string }[] {
	return q.laws.map((ref) => ({
		text: citationLabel(ref),
		href: `/laws/cite/${encodeURIComponent(ref.lawId)}${ref.articleNo ? `/${ref.articleNo}` : ''}`
	}));
}
