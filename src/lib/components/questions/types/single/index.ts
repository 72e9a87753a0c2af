/** Single choice in the app: one radio button per option. */
import type { TypeUi } from '../model.ts';
import { choiceKey, optionDrafts, optionsOfDraft, renderedOptions } from '../choice.ts';

export const singleUi: TypeUi<'single'> = {
	type: 'single',
	responseFromFields: (_body, key, fields) => ({
		type: 'single',
		choice: fields[key]?.[0] || null
	}),
	keyView: (body, r, order, md) =>
		choiceKey('single', body.options, r?.type === 'single' ? [r.choice ?? ''] : [], order, md),
	rendered: (body, md) => renderedOptions(body.options, md),
	draftOf: (body) => ({ options: optionDrafts(body.options) }),
	contentOf: (d) => ({ type: 'single', options: optionsOfDraft(d) }),
	markdownFields: []
};
