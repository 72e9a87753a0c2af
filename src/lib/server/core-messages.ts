import { type Issue, type Locale, ValidationError, type XuefaError, messageFor } from '@xuefa/core';
import { m } from '$lib/i18n.ts';
import { getLocale } from '$lib/paraglide/runtime.js';
import { quotedData } from './uploads/quote.ts';

/**
 * A core code with its data, in the current request's language. The texts in the data (a file's
 * cell among them) are quoted by their beginning only.
 */
export function coreMessage(code: string, data: Readonly<Record<string, unknown>> = {}): string {
	return messageFor(code, quotedData(data), getLocale() as Locale);
}

/**
 * A core name that stands alone (a table cell, an option): the core words it for use mid-sentence,
 * so in English it begins in lower case (“people's court”); alone it begins with a capital.
 */
export function coreLabel(code: string): string {
	const text = coreMessage(code);
	return text.charAt(0).toLocaleUpperCase('en') + text.slice(1);
}

/** One line per issue, with its line or row number when it came from a file. */
export function issueMessages(issues: readonly Issue[]): string[] {
	return issues.map((i) => coreMessage(i.code, { ...i.data, path: i.path, line: i.line }));
}

/**
 * The core's issues as form field errors: each message under the form field that `fieldOf` names
 * from the issue's path (several issues may share a field).
 */
export function issueFields(
	issues: readonly Issue[],
	fieldOf: (path: string, issue: Issue) => string
): Record<string, string[]> {
	const fields: Record<string, string[]> = {};
	for (const i of issues)
		(fields[fieldOf(i.path ?? '', i)] ??= []).push(coreMessage(i.code, i.data));
	return fields;
}

/** A core error as one sentence (validation errors list their first issues). */
export function describeCoreError(e: XuefaError): string {
	if (e instanceof ValidationError)
		return issueMessages(e.issues.slice(0, 5)).join(m.common_semicolon());
	return coreMessage(e.code, e.data);
}
