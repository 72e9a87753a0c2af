/**
 * A question as the candidate is shown it: what each type's module builds (`view`) and the paper's
 * candidate view (paper/candidate.ts) is made of. Apart from both so that neither imports the other.
 */
import type { QuestionType } from './model.ts';

/** An option as shown: its display label and text, nothing else. */
export interface CandidateOption {
	label: string;
	text: string;
}

/** A question (or case part) as shown to the candidate. */
export interface CandidateQuestion {
	type: QuestionType;
	stem: string;
	/** Choice questions: options in display order. */
	options?: CandidateOption[];
	/** Fill-in: the number of blanks to answer. */
	blanks?: number;
	/** Case: its sub-questions. */
	parts?: CandidateQuestion[];
	/** Case parts: the points this part is worth. */
	points?: number;
}
