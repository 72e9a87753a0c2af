/** Shapes shared by the rules: a reason (code + data) and a validation result with warnings. */
import { ValidationError, type Issue } from './errors.ts';

/** Why a rule decided as it did: a stable code plus the values a message needs. */
export interface Reason {
	/** Stable code, rendered through {@link messageFor}. */
	code: string;
	/** Values for the message. */
	data: Record<string, unknown>;
}

/** The result of validating a record: errors block saving, warnings are shown but allowed. */
export interface ValidationResult {
	/** True when there are no errors. */
	ok: boolean;
	/** Problems that make the record invalid. */
	errors: Issue[];
	/** Problems worth showing that do not block. */
	warnings: Issue[];
}

/**
 * Builds a {@link ValidationResult} (internal helper, not exported by the package).
 *
 * @param errors - blocking issues
 * @param warnings - non-blocking issues
 * @returns the result
 */
export function result(errors: Issue[], warnings: Issue[] = []): ValidationResult {
	return { ok: errors.length === 0, errors, warnings };
}

/**
 * Throws the errors of a validation result, if any.
 *
 * @param validation - a result from one of the `validate…` functions
 * @returns nothing; returns normally when `ok`
 * @throws ValidationError listing every error
 */
export function assertValid(validation: ValidationResult): void {
	if (!validation.ok) throw new ValidationError(validation.errors);
}
