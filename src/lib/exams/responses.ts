/**
 * Answers on the exam page, in the browser: reading a response from the question's form fields
 * (the same field names the server reads: `a`, `a_0`, `p0` …) and telling answered from not —
 * the test by which the server stores a response at all (services/exams/save-group.ts).
 */
import type { Response } from '@xuefa/core';

/** The shape of a question as the page has it (the candidate view: no keys). */
export interface ShownQuestion {
	type: Response['type'];
	options?: { label: string }[];
	blanks?: number;
	parts?: ShownQuestion[];
}

type Body = Exclude<Response, { type: 'case' }>;

function bodyFrom(q: ShownQuestion, key: string, form: FormData): Body {
	const first = (k: string) => {
		const v = form.get(k);
		return typeof v === 'string' ? v : '';
	};
	switch (q.type) {
		case 'single':
			return { type: 'single', choice: first(key) || null };
		case 'multiple':
			return {
				type: 'multiple',
				choices: form.getAll(key).filter((v): v is string => typeof v === 'string' && v !== '')
			};
		case 'truefalse': {
			const v = first(key);
			return { type: 'truefalse', answer: v === 'true' ? true : v === 'false' ? false : null };
		}
		case 'fill':
			return {
				type: 'fill',
				blanks: Array.from({ length: q.blanks ?? 1 }, (_, j) => first(`${key}_${j}`))
			};
		default:
			return { type: 'essay', text: first(key) };
	}
}

/** The response the form shows for `q` (a case reads its parts from `p0`, `p1` …). */
export function responseFromForm(q: ShownQuestion, form: FormData): Response {
	if (q.type !== 'case') return bodyFrom(q, 'a', form);
	return { type: 'case', parts: (q.parts ?? []).map((p, i) => bodyFrom(p, `p${i}`, form)) };
}

/** Whether a response says anything (an untouched or cleared question is unanswered). */
export function isAnswered(r: Response | null | undefined): boolean {
	if (!r) return false;
	switch (r.type) {
		case 'single':
			return r.choice !== null;
		case 'multiple':
			return r.choices.length > 0;
		case 'truefalse':
			return r.answer !== null;
		case 'fill':
			return r.blanks.some((b) => b.trim() !== '');
		case 'essay':
			return r.text.trim() !== '';
		case 'case':
			return r.parts.some((p) => isAnswered(p));
	}
}

/**
 * Whether nothing of a response is left blank: every blank of a fill-in, every part of a case.
 * Not the test for storing it (a half-done case is kept, `isAnswered`): the review before
 * submitting lists a question begun but not finished, which "已答" alone would pass over.
 */
export function isFullyAnswered(r: Response | null | undefined): boolean {
	if (!r) return false;
	switch (r.type) {
		case 'fill':
			return r.blanks.every((b) => b.trim() !== '');
		case 'case':
			return r.parts.every((p) => isFullyAnswered(p));
		default:
			return isAnswered(r);
	}
}
