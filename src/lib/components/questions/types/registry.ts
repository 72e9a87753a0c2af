/**
 * The app's registry of question types: one line per type (the components have their own maps, so
 * that a page loads only the components it shows: answers.ts, editors.ts, keys.ts, views.ts).
 */
import type { QuestionType } from '@xuefa/core';
import { caseUi } from './case/index.ts';
import type { TypeUi } from './model.ts';
import { PART_TYPE_UI } from './parts.ts';

export const QUESTION_TYPE_UI: { readonly [T in QuestionType]: TypeUi<T> } = {
	...PART_TYPE_UI,
	case: caseUi
};

/** The app's side of a type. */
export const typeUi = (type: QuestionType) => QUESTION_TYPE_UI[type] as unknown as TypeUi;
