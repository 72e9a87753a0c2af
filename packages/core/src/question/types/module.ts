/**
 * What a question type is: one module per type behind this interface (as Moodle's
 * `question/type/<type>/`), listed in the registry. Generic code (validation, paper assembly and
 * grading, the candidate view, the import and export formats) knows no type by name: it asks the
 * type's module.
 */
import type { RowField } from '../../formats/row-fields.ts';
import type { GradingPolicy, ItemGrade, ManualScores, Response } from '../../grading/types.ts';
import type { CandidateQuestion } from '../candidate-question.ts';
import type {
	CaseBody,
	EssayBody,
	FillBody,
	MultipleBody,
	QuestionBody,
	QuestionType,
	SingleBody,
	TrueFalseBody
} from '../model.ts';

/** The type-specific fields of a body (`{ type, options }`, `{ type, blanks }` …), without stem or metadata. */
export type TypeBody = SingleBody | MultipleBody | TrueFalseBody | FillBody | EssayBody | CaseBody;

/** {@link TypeBody} of one type. */
export type TypeBodyOf<T extends QuestionType> = Extract<TypeBody, { type: T }>;

/** A whole question or a case part of one type. */
export type BodyOf<T extends QuestionType> = Extract<QuestionBody, { type: T }>;

/** The response shape of one type. */
export type ResponseOf<T extends QuestionType> = Extract<Response, { type: T }>;

/** Reports one validation issue at a path (`options.2.text`). */
export type AddIssue = (code: string, path: string, data?: Record<string, unknown>) => void;

/** What grading one body needs besides the body and the response. */
export interface GradeInput {
	/** The grade's `questionId`: the question id, or `${id}#${part}` for a case part. */
	id: string;
	/** The points this body is worth. */
	points: number;
	/** Option ids in the order shown (choice types). */
	order?: readonly string[] | undefined;
	/** Per case part, its option order. */
	partOrders?: readonly (readonly string[] | undefined)[] | undefined;
	policy: GradingPolicy;
	/** Graders' scores, keyed like {@link ItemGrade.questionId}. */
	manual: ManualScores;
}

/** What the candidate view of one body needs besides the body. */
export interface ViewInput {
	points: number;
	order?: readonly string[] | undefined;
	partOrders?: readonly (readonly string[] | undefined)[] | undefined;
}

/** One row of the row format as a type reads it. */
export interface RowReadInput {
	/** The trimmed 答案 cell. */
	answer: string;
	/** Any trimmed cell by column. */
	cell: (column: RowField) => string;
	/** True for a case's sub-question row. */
	isPart: boolean;
	/** Reports a problem at a column (the row number is added). */
	error: (code: string, column: RowField, data?: Record<string, unknown>) => void;
}

/** Cells a type writes into its row (题型, 题干 and 解析 are written for it). */
export type RowCells = Partial<Record<RowField, string>>;

/** An answer of a GIFT answer block, as read: `=right`, `~wrong`, `~%50%half`, with feedback. */
export interface GiftAnswer {
	mark: '=' | '~';
	weight?: number;
	/** The text, converted to Markdown. */
	text: string;
	/** The text as written, for syntax checks (wildcards). */
	raw: string;
	feedback?: string;
}

/** A GIFT block a type recognises but cannot take as written, with the reason. */
export interface GiftRefusal {
	issue: string;
	data: Record<string, unknown>;
}

/** A GIFT answer block as a type reads it. */
export interface GiftReadInput {
	/** The text between the braces, without the general feedback (escapes still protected). */
	block: string;
	/** The block's answers, read once on first call (or why they cannot be read). */
	answers: () => GiftAnswer[] | GiftRefusal;
	/** A string from the question's `// xuefa:` metadata comment. */
	meta: (key: string) => string | undefined;
}

/** A body as GIFT writes it. */
export interface GiftWrite {
	/** The text between the braces (escaped), before any general feedback. */
	block: string;
	/** Fields for the `// xuefa:` metadata comment (what GIFT cannot express). */
	meta?: Record<string, unknown>;
	/** The block stands where the stem's one `___` marker is (missing-word format). */
	inline?: boolean;
}

/** Escapes a text for GIFT (what the format's writer uses for every text). */
export type GiftEscape = (text: string) => string;

/**
 * One question type. `T` narrows every method to its own body and response; a composite type
 * (case analysis) reaches its parts' types through the part registry.
 */
export interface QuestionTypeModule<T extends QuestionType = QuestionType> {
	readonly type: T;
	/** The names the row format's 题型 column accepts for it; the first is what export writes. */
	readonly rowNames: readonly string[];
	/** True when a person scores it (the core leaves it pending until `manual` holds a score). */
	readonly gradedByHand: boolean;
	/** Adds the type's own issues (stem, explanation and metadata are checked for it). */
	validate(body: BodyOf<T>, path: string, add: AddIssue): void;
	/** Grades a response to the body (`undefined`: not answered) under the policy. */
	grade(body: BodyOf<T>, response: Response | undefined, at: GradeInput): ItemGrade;
	/** What the candidate sees: built field by field, never a copy with keys deleted. */
	view(body: BodyOf<T>, at: ViewInput): CandidateQuestion;
	/**
	 * A well-formed response to this body from untrusted data (stored JSON, a request): anything
	 * unreadable becomes the unanswered response, never an error.
	 */
	normaliseResponse(raw: unknown, body: BodyOf<T>): ResponseOf<T>;
	/** The row format: the body from a row's cells (undefined: the row cannot hold this type), and back. */
	readonly rows: {
		/**
		 * The type's fields from a row, with `stem` when the type reads the 题干 its own way (blanks
		 * written as other systems write them); issues go to `row.error`.
		 */
		read(row: RowReadInput): (TypeBodyOf<T> & { stem?: string }) | undefined;
		/** The cells of this body; undefined when the row format cannot hold it. */
		write(body: BodyOf<T>): RowCells | undefined;
	};
	/** GIFT; absent when the format has no such question. */
	readonly gift?: {
		/** The body when the block is this type's, a refusal, or undefined when it is another type's. */
		read(input: GiftReadInput): TypeBodyOf<T> | GiftRefusal | undefined;
		/** The block for this body; undefined when GIFT cannot hold it. */
		write(body: BodyOf<T>, escape: GiftEscape): GiftWrite | undefined;
	};
	/**
	 * Aiken: single choice, and (as Chinese files write it, `答案：AB`) multiple choice; absent when
	 * the format has no such question.
	 */
	readonly aiken?: {
		/** How many answer letters the type's questions have: one, or several. */
		readonly answers: 'one' | 'several';
		/** The body from the options read and the indexes of the options the answer line names. */
		read(options: readonly string[], answers: readonly number[]): TypeBodyOf<T>;
		/** The option texts and the answer's index; undefined when Aiken cannot hold it. */
		write(body: BodyOf<T>): { options: string[]; answer: number } | undefined;
	};
}
