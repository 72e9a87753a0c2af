/**
 * The question model: six types, tags, and immutable versions.
 *
 * A {@link QuestionVersion} never changes once stored; an edit makes a new version with the same
 * `id` and `version + 1` (see {@link nextVersion}). Papers embed the exact versions they drew.
 */

/** The six question types (单选 / 多选 / 判断 / 填空 / 简答 / 案例分析), in display order. */
export const QUESTION_TYPES = ['single', 'multiple', 'truefalse', 'fill', 'essay', 'case'] as const;

/** One of {@link QUESTION_TYPES}. */
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The types a case-analysis sub-question may have (every type but `case`). */
export type PartType = Exclude<QuestionType, 'case'>;

/** A citation of a law, optionally down to one article, e.g. `{ lawId: '行政处罚法', articleNo: 42 }`. */
export interface LawRef {
	/** The app's law id; by convention the short title without 《》, e.g. `行政处罚法`. */
	lawId: string;
	/** The article number (第四十二条 → 42); absent when the whole law is meant. */
	articleNo?: number;
}

/** One option of a single- or multiple-choice question. */
export interface ChoiceOption {
	/** Stable id within the question (the importers use `A`, `B`, …); never shown to candidates. */
	id: string;
	/** Option text (Markdown). */
	text: string;
	/** Whether choosing this option is (part of) the right answer. */
	correct: boolean;
	/** Optional per-option feedback (kept for GIFT round trips; not shown in the candidate view). */
	feedback?: string;
}

/** One blank of a fill-in question: the accepted answers, the first being the canonical one. */
export interface FillBlank {
	/** Fully correct answers (at least one); compared after {@link normaliseAnswer}. */
	answers: string[];
	/**
	 * Answers that earn part of the blank's credit, e.g. a near-miss spelling worth half (Moodle's
	 * `=%50%…`): `fraction` is in (0, 1). Written `%50%四十` in the row format and the editor.
	 */
	partial?: PartialAnswer[];
}

/** An answer to a blank that earns `fraction` (between 0 and 1, exclusive) of its credit. */
export interface PartialAnswer {
	text: string;
	fraction: number;
}

/** Body of a single-choice question: exactly one correct option. */
export interface SingleBody {
	type: 'single';
	options: ChoiceOption[];
}
/** Body of a multiple-choice question: at least two options, at least one correct. */
export interface MultipleBody {
	type: 'multiple';
	options: ChoiceOption[];
}
/** Body of a true/false question. */
export interface TrueFalseBody {
	type: 'truefalse';
	/** The right answer: `true` = 对/正确. */
	answer: boolean;
}
/**
 * Body of a fill-in question. Blanks are marked in the stem by three or more underscores (`___`);
 * a stem with no marker and exactly one blank is also valid (the answer follows the stem).
 */
export interface FillBody {
	type: 'fill';
	blanks: FillBlank[];
}
/** Body of a short-answer (简答) question, graded by hand. */
export interface EssayBody {
	type: 'essay';
	/** A model answer for graders (Markdown). */
	referenceAnswer?: string;
	/** How to award points (Markdown). */
	rubric?: string;
}
/** Body of a case-analysis question: the stem is the case text, the parts are its sub-questions. */
export interface CaseBody {
	type: 'case';
	parts: CasePart[];
}

/** Fields every case sub-question has besides its body. */
export interface PartMeta {
	/** The sub-question text (Markdown). */
	stem: string;
	/** Explanation shown after grading (Markdown). */
	explanation?: string;
	/** Relative weight of this part within the case (default 1); the case's points split by weight. */
	weight?: number;
}

/** A sub-question of a case-analysis question. */
export type CasePart =
	| (PartMeta & SingleBody)
	| (PartMeta & MultipleBody)
	| (PartMeta & TrueFalseBody)
	| (PartMeta & FillBody)
	| (PartMeta & EssayBody);

/** Fields every question version has besides its body. */
export interface QuestionMeta {
	/** Stable question id, shared by all its versions. */
	id: string;
	/** Version number, starting at 1. */
	version: number;
	/** Question text (Markdown); for `case`, the case facts. */
	stem: string;
	/** Explanation shown after grading (Markdown). */
	explanation?: string;
	/** Difficulty 1 (easy) … 5 (hard). */
	difficulty: number;
	/** Laws and articles the question tests. */
	laws: LawRef[];
	/** Knowledge point (知识点). */
	topic?: string;
	/** Free tags. */
	tags: string[];
	/** Suggested points when used in a fixed paper (the blueprint's points win). */
	points?: number;
}

/** One immutable version of a question; narrow on `type`. */
export type QuestionVersion =
	| (QuestionMeta & SingleBody)
	| (QuestionMeta & MultipleBody)
	| (QuestionMeta & TrueFalseBody)
	| (QuestionMeta & FillBody)
	| (QuestionMeta & EssayBody)
	| (QuestionMeta & CaseBody);

/** A question with all its versions, oldest first (how a bank stores one). */
export interface Question {
	id: string;
	versions: QuestionVersion[];
}

/** A reference to one exact version of a question. */
export interface QuestionRef {
	questionId: string;
	version: number;
}

/** Anything that has a question body: a whole question or a case part. */
export type QuestionBody = QuestionVersion | CasePart;

/** Option labels in display order: A, B, C, … (a choice shows at most 26 options). */
export const OPTION_LABELS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Matches a blank marker in a fill-in stem: three or more underscores. */
export const BLANK_MARKER = /_{3,}/g;

/**
 * Counts the blank markers (`___`) in a fill-in stem.
 *
 * @param stem - the stem text
 * @returns the number of markers
 */
export function countBlankMarkers(stem: string): number {
	return stem.match(BLANK_MARKER)?.length ?? 0;
}

/**
 * Returns the reference of a question version.
 *
 * @param q - the question version
 * @returns `{ questionId, version }`
 */
export function refOf(q: QuestionVersion): QuestionRef {
	return { questionId: q.id, version: q.version };
}

/**
 * Returns the latest version of a stored question.
 *
 * @param question - the question with its versions
 * @returns the version with the highest number
 */
export function latestVersion(question: Question): QuestionVersion | undefined {
	let best: QuestionVersion | undefined;
	for (const v of question.versions) if (!best || v.version > best.version) best = v;
	return best;
}
