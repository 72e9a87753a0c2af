/** True/false in the app: two radio buttons. */
import type { TypeUi } from '../model.ts';

export const truefalseUi: TypeUi<'truefalse'> = {
	type: 'truefalse',
	responseFromFields(_body, key, fields) {
		const v = fields[key]?.[0] ?? '';
		return { type: 'truefalse', answer: v === 'true' ? true : v === 'false' ? false : null };
	},
	keyView: (body, r) => ({
		type: 'truefalse',
		answer: body.answer,
		given: r?.type === 'truefalse' ? r.answer : null
	}),
	rendered: (body) => ({ answer: body.answer }),
	draftOf: (body) => ({ answer: body.answer ? 'true' : 'false' }),
	contentOf(d, p, issues) {
		if (d.answer === '') issues.push({ path: `${p}answer`, code: 'bank_editor_answer_required' });
		return { type: 'truefalse', answer: d.answer === 'true' };
	},
	markdownFields: []
};
