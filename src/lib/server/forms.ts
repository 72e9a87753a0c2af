import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { t } from '$lib/i18n.ts';

/**
 * Form actions read the request body once and answer a small tagged result, as in SvelteKit's own
 * sverdle example: the page switches on `kind` rather than probing for fields.
 */

/** The input did not pass its schema or a rule: field messages, the values to refill, a summary. */
export interface Invalid {
	kind: 'invalid';
	/** Which form answered (a page with several forms shows the errors next to the right one). */
	action: string;
	values: Record<string, string>;
	errors: Record<string, string>;
	message: string;
}

/** The input was fine but the operation is not possible now (a conflict, a busy database …). */
export interface Refused {
	kind: 'refused';
	action: string;
	values: Record<string, string>;
	message: string;
}

/** A change saved, and the sentence that says so (in the reader's language). */
export interface Saved {
	kind: 'saved';
	message: string;
}

/** The answer of an action that saved something and stays on its page. */
export function saved(key: string, params: Record<string, unknown> = {}): Saved {
	return { kind: 'saved', message: t(key, params) };
}

/** A form sent back to be corrected. */
export function invalid(
	status: number,
	action: string,
	values: Record<string, string>,
	errors: Record<string, string>,
	message: string
) {
	return fail(status, { kind: 'invalid', action, values, errors, message } as Invalid);
}

/** A form refused as it stands, whatever its fields say. */
export function refused(
	status: number,
	action: string,
	values: Record<string, string>,
	message: string
) {
	return fail(status, { kind: 'refused', action, values, message } as Refused);
}

/** What an action returns when it did not run: the page switches on `kind`. */
export type Failed = ReturnType<typeof invalid> | ReturnType<typeof refused>;

/** A schema without its wrappers (optional, default, a pipe's input), to see what it reads. */
function unwrap(schema: z.ZodType): z.ZodType {
	if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault)
		return unwrap(schema.unwrap() as z.ZodType);
	// z.preprocess is a pipe from a transform: what it reads is what the pipe's end accepts
	if (schema instanceof z.ZodPipe)
		return unwrap((schema.in instanceof z.ZodTransform ? schema.out : schema.in) as z.ZodType);
	return schema;
}

/** The fields an operation's schema reads (a z.object's, through any wrapper), by name. */
function fieldsOf(schema: z.ZodType): Record<string, z.ZodType> | null {
	const inner = unwrap(schema);
	return inner instanceof z.ZodObject ? (inner.shape as Record<string, z.ZodType>) : null;
}

/**
 * An operation's input as its form sent it, read once: each field the schema reads, with every
 * value of a field it reads as a list (ticked boxes, a multiple select). For a schema of another
 * shape, every field (the last value of a repeated one).
 */
export function formInput(form: FormData, schema: z.ZodType): Record<string, unknown> {
	const fields = fieldsOf(schema);
	if (!fields) return Object.fromEntries(form);
	const input: Record<string, unknown> = {};
	for (const [name, field] of Object.entries(fields)) {
		const all = form.getAll(name);
		if (unwrap(field) instanceof z.ZodArray) input[name] = all;
		// the last of repeated values, as a form's own reading (a hidden default before a checkbox)
		else if (all.length > 0) input[name] = all.at(-1);
	}
	return input;
}

/**
 * Form values as strings, for refilling a form after a failure: only the fields that `schema`
 * reads, and never files or passwords. Echoing every posted field would let anyone make the
 * server answer with whatever they sent, megabytes of it.
 */
export function formValues(
	form: FormData,
	schema: z.ZodType,
	/** Names of repeated rows a schema reads from the whole form (`laws.0.law` …). */
	rows?: RegExp
): Record<string, string> {
	const values: Record<string, string> = {};
	const rowNames = rows ? [...form.keys()].filter((k) => rows.test(k)).slice(0, 200) : [];
	const fields = fieldsOf(schema) ?? {};
	for (const name of [...Object.keys(fields), ...rowNames]) {
		if (/password/i.test(name)) continue;
		const all = form.getAll(name).filter((v): v is string => typeof v === 'string');
		// a list (ticked boxes) comes back whole, its values joined by commas, to tick them again
		const list = fields[name] && unwrap(fields[name]) instanceof z.ZodArray;
		if (all.length > 0) values[name] = list ? all.join(',') : all.at(-1)!;
	}
	return values;
}
