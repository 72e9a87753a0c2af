/**
 * The registry of question types: one line per type. Generic code finds a type's behaviour here.
 */
import { QUESTION_TYPES, type QuestionType } from '../model.ts';
import { caseType } from './case/index.ts';
import type { TypeModules } from './common.ts';
import type { QuestionTypeModule } from './module.ts';
import { PART_TYPE_MODULES } from './parts.ts';

/** Every question type's module, by type. */
export const QUESTION_TYPE_MODULES: TypeModules = {
	...PART_TYPE_MODULES,
	case: caseType
};

/**
 * The module of a question type.
 *
 * @param type - one of {@link QUESTION_TYPES}
 * @returns its module
 * @example
 * questionTypeModule('single').rowNames[0]; // → '单选'
 */
export function questionTypeModule<T extends QuestionType>(type: T): QuestionTypeModule<T> {
	return QUESTION_TYPE_MODULES[type] as unknown as QuestionTypeModule<T>;
}

/**
 * The modules in display order ({@link QUESTION_TYPES}).
 *
 * @returns one module per type
 */
export function questionTypeModules(): QuestionTypeModule[] {
	return QUESTION_TYPES.map((t) => QUESTION_TYPE_MODULES[t] as QuestionTypeModule);
}
