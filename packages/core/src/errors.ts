/**
 * The error hierarchy of `@xuefa/core`.
 *
 * Every error carries a stable machine-readable `code` and structured `data`; user interfaces map the
 * code to a localised message. The core never formats user-facing sentences itself.
 */

/** Base class of every error thrown by `@xuefa/core`. */
export class XuefaError extends Error {
	/** A stable code such as `question.single.correct_count`; never reworded once published. */
	readonly code: string;
	/** Values the message needs (counts, names, numbers), for interpolation by the caller. */
	readonly data: Readonly<Record<string, unknown>>;

	/**
	 * @param code - the stable error code
	 * @param data - values for the caller's message
	 * @param message - an English developer message (never shown to end users as is)
	 */
	constructor(code: string, data: Record<string, unknown> = {}, message?: string) {
		super(message ?? code);
		this.name = new.target.name;
		this.code = code;
		this.data = data;
	}
}

/** One problem found while validating input, tied to a path (field, row or line) when there is one. */
export interface Issue {
	/** Stable code, e.g. `question.stem.empty`. */
	code: string;
	/** Where: a field path such as `options.2.text`, or empty for the whole value. */
	path?: string;
	/** 1-based line or row number in a source file, when the value came from one. */
	line?: number;
	/** Values for the message. */
	data?: Record<string, unknown>;
}

/** Input that breaks a structural or content rule; lists every issue found, not just the first. */
export class ValidationError extends XuefaError {
	/** All issues found. */
	readonly issues: readonly Issue[];

	/**
	 * @param issues - every problem found (at least one)
	 */
	constructor(issues: readonly Issue[]) {
		super(
			issues[0]?.code ?? 'validation',
			{ count: issues.length },
			`${issues.length} validation issue(s)`
		);
		this.issues = issues;
	}
}

/** A business rule forbids the operation (e.g. an attempt past its deadline, a retake beyond the limit). */
export class RuleError extends XuefaError {}
