/**
 * The types a case-analysis sub-question may have: every type but `case`. The registry of all
 * types adds `case` to these.
 */
import type { PartType } from '../model.ts';
import type { TypeModules } from './common.ts';
import { essayType } from './essay/index.ts';
import { fillType } from './fill/index.ts';
import { multipleType } from './multiple/index.ts';
import { singleType } from './single/index.ts';
import { truefalseType } from './truefalse/index.ts';

/** The module of every part type. */
export const PART_TYPE_MODULES: TypeModules<PartType> = {
	single: singleType,
	multiple: multipleType,
	truefalse: truefalseType,
	fill: fillType,
	essay: essayType
};
