/** The app's side of the types a case's sub-question may have (every type but `case`). */
import type { PartType } from '@xuefa/core';
import type { TypeUi } from './model.ts';
import { essayUi } from './essay/index.ts';
import { fillUi } from './fill/index.ts';
import { multipleUi } from './multiple/index.ts';
import { singleUi } from './single/index.ts';
import { truefalseUi } from './truefalse/index.ts';

export const PART_TYPE_UI: { readonly [T in PartType]: TypeUi<T> } = {
	single: singleUi,
	multiple: multipleUi,
	truefalse: truefalseUi,
	fill: fillUi,
	essay: essayUi
};

/** The app's side of a part's type. */
export const partUi = (type: PartType) => PART_TYPE_UI[type] as unknown as TypeUi<PartType>;
