import type { CasePart, QuestionVersion } from '@xuefa/core';

/** A body as the version view shows it: Markdown already rendered (sanitised) by the caller's renderer. */
export interface RenderedBody {
	type: QuestionVersion['type'];
	stem: string;
	explanation: string;
	options: { text: string; correct: boolean }[];
	answer: boolean | null;
	blanks: string[][];
	referenceAnswer: string;
	rubric: string;
}

function body(q: QuestionVersion | CasePart, md: (s: string) => string): RenderedBody {
	return {
		type: q.type,
		stem: md(q.stem),
		explanation: q.explanation ? md(q.explanation) : '',
		options:
			q.type === 'single' || q.type === 'multiple'
				? q.options.map((o) => ({ text: md(o.text), correct: o.correct }))
				: [],
		answer: q.type === 'truefalse' ? q.answer : null,
		blanks: q.type === 'fill' ? q.blanks.map((b) => b.answers) : [],
		referenceAnswer: q.type === 'essay' && q.referenceAnswer ? md(q.referenceAnswer) : '',
		rubric: q.type === 'essay' && q.rubric ? md(q.rubric) : ''
	};
}

/** An old (or the current) version, ready for a read-only view. */
export function renderVersion(q: QuestionVersion, md: (s: string) => string) {
	return {
		...body(q, md),
		difficulty: q.difficulty,
		topic: q.topic ?? '',
		tags: q.tags,
		laws: q.laws,
		parts: q.type === 'case' ? q.parts.map((p) => body(p, md)) : []
	};
}
