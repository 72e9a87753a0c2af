/**
 * The candidate's view of a drawn paper, as kept beside it and sent to the exam page: each question
 * as the core's candidate view (no keys, no explanations, no reference answers) rendered to
 * sanitised HTML, in the paper's order. Built on the server (services/exams/paper-view.ts).
 */
import type { Paper } from '@xuefa/core';
import type { AnswerQuestion } from '$lib/components/questions/types/model.ts';

export interface PaperItemView {
	no: number;
	questionId: string;
	section: number;
	points: number;
	question: AnswerQuestion;
}

/** The whole paper as the exam page shows it: its sections in short, and every question. */
export interface PaperView {
	sections: { type: Paper['sections'][number]['type']; points: number; count: number }[];
	totalPoints: number;
	items: PaperItemView[];
}
