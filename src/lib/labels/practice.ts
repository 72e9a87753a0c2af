import { m } from '$lib/i18n.ts';
import type { QuestionType } from '@xuefa/core';
import type { QuestionStatus } from '$lib/schemas/enums.ts';
import { labeller } from './labeller.ts';

/** A question type as learners read it. */
export const practiceTypeLabel = /* @__PURE__ */ labeller<QuestionType>({
	case: m.practice_type_case,
	essay: m.practice_type_essay,
	fill: m.practice_type_fill,
	multiple: m.practice_type_multiple,
	single: m.practice_type_single,
	truefalse: m.practice_type_truefalse
});
/** A question type as the editor names it. */
export const questionTypeLabel = /* @__PURE__ */ labeller<QuestionType>({
	case: m.question_type_case,
	essay: m.question_type_essay,
	fill: m.question_type_fill,
	multiple: m.question_type_multiple,
	single: m.question_type_single,
	truefalse: m.question_type_truefalse
});
/** Draft, ready or retired. */
export const questionStatusLabel = /* @__PURE__ */ labeller<QuestionStatus>({
	draft: m.question_status_draft,
	ready: m.question_status_ready,
	retired: m.question_status_retired
});
/** Right, partly right or wrong. */
export const practiceOutcomeLabel = /* @__PURE__ */ labeller({
	partly: m.practice_outcome_partly,
	right: m.practice_outcome_right,
	wrong: m.practice_outcome_wrong
});
/** A part's status in the feedback. */
export const practiceStatusLabel = /* @__PURE__ */ labeller({
	correct: m.practice_status_correct,
	partial: m.practice_status_partial,
	pending: m.practice_status_pending,
	unanswered: m.practice_status_unanswered,
	wrong: m.practice_status_wrong
});
/** What a practice set was drawn from (takes `label`). */
export const practiceSourceLabel = /* @__PURE__ */ labeller({
	bank: m.practice_source_bank,
	law: m.practice_source_law,
	lesson: m.practice_source_lesson,
	mistakes: m.practice_source_mistakes,
	review: m.practice_source_review,
	topic: m.practice_source_topic
});
