import type { CasePart, QuestionVersion } from '@xuefa/core';
import type { Md, RenderedBody } from '$lib/components/questions/types/model.ts';
import { typeUi } from '$lib/components/questions/types/registry.ts';

function body(q: QuestionVersion | CasePart, md: Md): RenderedBody {
	return {
		type: q.type,
		stem: md(q.stem),
		explanation: q.explanation ? md(q.explanation) : '',
		options: [],
		answer: null,
		blanks: [],
		referenceAnswer: '',
		rubric: '',
		...typeUi(q.type).rendered(q, md)
	};
}

/** An old (or the current) version, ready for a read-only view. */
export function renderVersion(q: QuestionVersion, md: Md) {
	return {
		...body(q, md),
		difficulty: q.difficulty,
		topic: q.topic ?? '',
		tags: q.tags,
		laws: q.laws,
		parts: q.type === 'case' ? q.parts.map((p) => body(p, md)) : []
	};
}
