/**
 * What the two choice types share in the app: options in the editor and the key after answering.
 */
import { OPTION_LABELS, type ChoiceOption } from '@xuefa/core';
import type { BodyDraft, OptionDraft } from '$lib/questions/draft.ts';
import { trimTrailing } from '$lib/questions/trim.ts';
import type { KeyView, Md, RenderedBody } from './model.ts';

/** The editor's option rows of a stored choice. */
export const optionDrafts = (options: readonly ChoiceOption[]): OptionDraft[] =>
	options.map((o) => ({ id: o.id, text: o.text, correct: o.correct, feedback: o.feedback ?? '' }));

/** The options the editor's rows describe, empty trailing rows left out. */
export const optionsOfDraft = (b: BodyDraft): ChoiceOption[] =>
	trimTrailing(b.options, (o) => !o.text.trim() && !o.correct).map((o) => ({
		id: o.id,
		text: o.text.trim(),
		correct: o.correct,
		...(o.feedback.trim() ? { feedback: o.feedback.trim() } : {})
	}));

/**
 * The key of a choice: the options in the order shown (by option id), each marked right or not
 * and chosen or not (the labels chosen are those shown).
 */
export function choiceKey(
	type: 'single' | 'multiple',
	options: readonly ChoiceOption[],
	chosen: readonly string[],
	order: readonly string[] | undefined,
	md: Md
): KeyView {
	const shown = order ? order.flatMap((id) => options.filter((o) => o.id === id)) : options;
	return {
		type,
		options: shown.map((o, i) => ({
			label: OPTION_LABELS[i]!,
			html: md(o.text),
			correct: o.correct,
			chosen: chosen.includes(OPTION_LABELS[i]!)
		}))
	};
}

/** The bank view of a choice's options. */
export const renderedOptions = (
	options: readonly ChoiceOption[],
	md: Md
): Partial<RenderedBody> => ({
	options: options.map((o) => ({ text: md(o.text), correct: o.correct }))
});
