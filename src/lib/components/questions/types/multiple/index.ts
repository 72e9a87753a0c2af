/** Multiple choice in the app: one checkbox per option. */
import type { TypeUi } from '../model.ts';
import { choiceKey, optionDrafts, optionsOfDraft, renderedOptions } from '../choice.ts';

export const multipleUi: TypeUi<'multiple'> = {
	type: 'multiple',
	responseFromFields: (_body, key, fields) => ({
		type: 'multiple',
		choices: (fields[key] ?? []).filter(Boolean)
	}),
	keyView: (body, r, order, md) =>
		choiceKey('multiple', body.options, r?.type === 'multiple' ? r.choices : [], order, md),
	rendered: (body, md) => renderedOptions(body.options, md),
	draftOf: (body) => ({ options: optionDrafts(body.options) }),
	contentOf: (d) => ({ type: 'multiple', options: optionsOfDraft(d) }),
	markdownFields: []
};
