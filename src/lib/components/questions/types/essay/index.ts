/** Short answer in the app: a text area; the learner marks it against the reference answer. */
import type { TypeUi } from '../model.ts';

export const essayUi: TypeUi<'essay'> = {
	type: 'essay',
	responseFromFields: (_body, key, fields) => ({ type: 'essay', text: fields[key]?.[0] ?? '' }),
	keyView: (body, r, _order, md) => ({
		type: 'essay',
		referenceHtml: md(body.referenceAnswer ?? ''),
		rubricHtml: md(body.rubric ?? ''),
		given: r?.type === 'essay' ? r.text : ''
	}),
	rendered: (body, md) => ({
		referenceAnswer: body.referenceAnswer ? md(body.referenceAnswer) : '',
		rubric: body.rubric ? md(body.rubric) : ''
	}),
	draftOf: (body) => ({ referenceAnswer: body.referenceAnswer ?? '', rubric: body.rubric ?? '' }),
	contentOf(d) {
		const referenceAnswer = d.referenceAnswer.trim();
		const rubric = d.rubric.trim();
		return {
			type: 'essay',
			...(referenceAnswer ? { referenceAnswer } : {}),
			...(rubric ? { rubric } : {})
		};
	},
	markdownFields: ['referenceAnswer', 'rubric']
};
