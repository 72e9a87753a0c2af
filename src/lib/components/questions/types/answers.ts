/** The answer inputs of each type (`<type>/Answer.svelte`), by type. */
import type { Component } from 'svelte';
import type { QuestionType } from '@xuefa/core';
import CaseAnswer from './case/Answer.svelte';
import EssayAnswer from './essay/Answer.svelte';
import FillAnswer from './fill/Answer.svelte';
import type { AnswerProps } from './model.ts';
import MultipleAnswer from './multiple/Answer.svelte';
import SingleAnswer from './single/Answer.svelte';
import TrueFalseAnswer from './truefalse/Answer.svelte';

/** Props of a type's answer inputs: the dispatcher's, plus the id of the stem that labels them. */
export type AnswerInputProps = AnswerProps & { stemId: string };

export const ANSWER_INPUTS: Record<QuestionType, Component<AnswerInputProps>> = {
	single: SingleAnswer,
	multiple: MultipleAnswer,
	truefalse: TrueFalseAnswer,
	fill: FillAnswer,
	essay: EssayAnswer,
	case: CaseAnswer
};
