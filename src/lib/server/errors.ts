/**
 * Typed errors that services throw. Routes never build HTTP errors themselves: `mapError` in
 * ./http.ts turns these into responses in one place.
 */

/** What fills an error message's placeholders; a list is joined as the reader's language lists. */
export type ErrorParams = Record<string, string | number | readonly string[]>;

/** Base of every expected failure; `code` is a message key in the catalogue (messages/*.json). */
export class AppError extends Error {
	constructor(
		readonly code: string,
		readonly params: ErrorParams = {}
	) {
		super(code);
		this.name = new.target.name;
	}

	/** The message that tells the person: the code's own, unless the error picks a twin. */
	get messageKey(): string {
		return this.code;
	}
}

/**
 * The user may not do this here (403); `code` says why when the reason is the person's own
 * (grading or voiding their own attempt), else the plain "forbidden".
 */
export class ForbiddenError extends AppError {
	constructor(code = 'error_forbidden') {
		super(code);
	}
}

/** The record does not exist, or is outside the user's scope and must not be revealed (404). */
export class NotFoundError extends AppError {
	constructor() {
		super('error_not_found');
	}
}

/** An API call without a usable token: none, an unknown or revoked one (401), or an expired one. */
export class UnauthorizedError extends AppError {
	constructor(
		code: 'api_unauthorized' | 'api_token_expired' | 'api_token_suspended' = 'api_unauthorized'
	) {
		super(code);
	}
}

/** Field-level problems; each value is a list of message keys (or already localised text). */
export type FieldErrors = Record<string, string[]>;

/** The input breaks a rule (400); `fields` ties messages to form fields. */
export class InvalidInputError extends AppError {
	constructor(
		readonly fields: FieldErrors,
		code = 'error_invalid_input',
		params: ErrorParams = {}
	) {
		super(code, params);
	}
}

/** The operation conflicts with the current state (409), e.g. a duplicate employee number. */
export class ConflictError extends AppError {}

/**
 * A conflict about how many things stand in the way (`params.n`): English says “1 attempt” but
 * “2 attempts”, so at 1 it reads from `<code>_one` (see byCount); the code stays the same.
 */
export class CountedConflictError extends ConflictError {
	constructor(code: string, n: number, params: ErrorParams = {}) {
		super(code, { ...params, n });
	}

	override get messageKey(): string {
		return this.params.n === 1 ? `${this.code}_one` : this.code;
	}
}

/** Too many failed attempts (429); `params.minutes`, or `params.seconds`, says how long to wait. */
export class RateLimitedError extends AppError {
	constructor(code: string, wait: { minutes: number } | { seconds: number }) {
		super(code, wait);
	}

	/** English says “1 minute” but “2 minutes”: a wait of one reads from `<code>_one` (see byCount). */
	override get messageKey(): string {
		return (this.params.minutes ?? this.params.seconds) === 1 ? `${this.code}_one` : this.code;
	}
}

/**
 * The database stayed locked by another writer through every retry (see db/busy.ts). Not an
 * AppError: nothing is wrong with the input, so it is answered 503 ("busy, try again") wherever it
 * surfaces, never 400 or 500.
 */
export class DatabaseBusyError extends Error {
	readonly code = 'error_busy';
	constructor(cause?: unknown) {
		super('the database is busy', { cause });
		this.name = 'DatabaseBusyError';
	}
}

/**
 * Whether `e` is, or was caused by, a {@link DatabaseBusyError}: drizzle wraps what the client
 * throws for a query ("Failed query: …") and keeps it as the cause.
 */
export function isDatabaseBusy(e: unknown): boolean {
	for (let cause = e, depth = 0; cause instanceof Error && depth < 10; depth++) {
		if (cause instanceof DatabaseBusyError) return true;
		cause = cause.cause;
	}
	return false;
}
