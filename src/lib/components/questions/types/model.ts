/**
 * What every question type's components and helpers share: the shapes they take and give. Client
 * safe: Markdown arrives rendered (and sanitised) by the server, through the `md` argument.
 */
import type { BodyOf, QuestionType, Response, ResponseOf, TypeBodyOf } from '@xuefa/core';
import type { BodyDraft, DraftIssue } from '$lib/questions/draft.ts';

/** Renders (and sanitises) Markdown: the server's `renderMarkdown`. */
export type Md = (markdown: string) => string;

/** A question as a candidate gets it before answering: rendered Markdown, no key of any kind. */
export interface AnswerQuestion {
	type: QuestionType;
	stemHtml: string;
	options?: { label: string; html: string }[];
	blanks?: number;
	parts?: AnswerQuestion[];
}

/** Props of every type's answer inputs (`Answer.svelte`). */
export interface AnswerProps {
	q: AnswerQuestion;
	/** The field name: `a` for a question, `p0`, `p1` … for the parts of a case; blanks add `_0` …. */
	name: string;
	/** The answer given so far (shown checked or filled in); none: empty inputs. */
	value?: Response | null | undefined;
	/** Called with the whole response after each change (for pages that save as the candidate goes). */
	onchange?: ((response: Response) => void) | undefined;
}

/** What a learner sees after answering one body: the key next to their own answer. */
export type KeyView =
	| {
			type: 'single' | 'multiple';
			options: { label: string; html: string; correct: boolean; chosen: boolean }[];
	  }
	| { type: 'truefalse'; answer: boolean; given: boolean | null }
	| { type: 'fill'; blanks: { answers: string[]; given: string }[] }
	| { type: 'essay'; referenceHtml: string; rubricHtml: string; given: string };

/** A body as the bank's version view shows it: Markdown already rendered. */
export interface RenderedBody {
	type: QuestionType;
	stem: string;
	explanation: string;
	options: { text: string; correct: boolean }[];
	answer: boolean | null;
	blanks: string[][];
	referenceAnswer: string;
	rubric: string;
}

/** Raw answer fields of a form by name, every value of each (a multiple choice sends several). */
export type AnswerFields = Readonly<Record<string, readonly string[] | undefined>>;

/**
 * The app's side of one question type (the core's module holds the rules): reading a response
 * from form fields, the key shown after answering, the bank's view, and the editor's draft.
 */
export interface TypeUi<T extends QuestionType = QuestionType> {
	readonly type: T;
	/** The response in the fields named `key` (`key`, or `key_0` … for blanks). */
	responseFromFields(body: BodyOf<T>, key: string, fields: AnswerFields): ResponseOf<T>;
	/** The key next to the response, options in the order shown; none for a composite type. */
	keyView?(
		body: BodyOf<T>,
		response: Response | null | undefined,
		order: readonly string[] | undefined,
		md: Md
	): KeyView;
	/** The bank view's fields of this type. */
	rendered(body: BodyOf<T>, md: Md): Partial<RenderedBody>;
	/** The editor's fields of this type for a stored body. */
	draftOf(body: BodyOf<T>): Partial<BodyDraft>;
	/** The type's content from the editor's fields (`p`: the body's field prefix). */
	contentOf(draft: BodyDraft, p: string, issues: DraftIssue[]): TypeBodyOf<T>;
	/** The editor's Markdown fields of this type besides stem and explanation (previewed). */
	readonly markdownFields: readonly (keyof BodyDraft & string)[];
}
