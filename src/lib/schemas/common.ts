import { z } from 'zod';
import { isIsoDate, stripControlChars } from '@xuefa/core';

/**
 * A search box's words, from the address bar: trimmed and cut to `max` characters (by character,
 * never inside one), so that a pasted paragraph is searched by its start instead of being dropped
 * without a word; anything that is not text is no search.
 */
export const searchQuery = (max: number) =>
	z
		.string()
		.catch('')
		.transform((q) => [...q.trim()].slice(0, max).join('').trim());

/** Message keys used as zod messages; the route turns them into the reader's language. */
export const required = { error: 'err_required' } as const;

export const id = z.coerce
	.number({ error: 'err_invalid' })
	.int()
	.positive({ error: 'err_invalid' });
export const optionalId = z.preprocess(
	(v) => (v === '' || v === null || v === undefined ? undefined : v),
	id.optional()
);
/**
 * Typed text: control characters removed (they are invisible and break search and compare; tab
 * and line feed stay), then trimmed. `overwrite` keeps the schema a plain string schema.
 */
export const typedText = (error?: typeof required) =>
	z.string(error).overwrite(stripControlChars).trim();
export const text = (max: number) =>
	typedText(required).min(1, required).max(max, { error: 'err_too_long' });
export const optionalText = (max: number) =>
	typedText().max(max, { error: 'err_too_long' }).optional().default('');
/**
 * A number typed into a field that may not stay blank: a blank field (or spaces) is refused as
 * required, where `z.coerce.number` would read it as 0 (`Number('') === 0`) and, say, store a mark
 * of 0 or a pass mark of 0 that nobody typed. Words are refused with `notANumber`.
 */
export const typedNumber = (
	notANumber: string,
	checks: (n: z.ZodNumber) => z.ZodNumber = (n) => n
) =>
	z.preprocess(
		(v) => (typeof v !== 'string' ? v : v.trim() === '' ? undefined : Number(v.trim())),
		checks(
			z.number({ error: (issue) => (issue.input === undefined ? 'err_required' : notANumber) })
		)
	);
/**
 * A whole number typed into a field, from `min` to `max` (else `outOfRange`): like `typedNumber`, a
 * blank field is refused as required rather than read as 0, so a setting left blank is not saved
 * as 0. A field whose blank means something (a default, "none") says so where it is declared.
 */
export const wholeNumber = (min: number, max: number, outOfRange = 'err_invalid') =>
	typedNumber('err_not_whole_number', (n) =>
		n
			.int({ error: 'err_not_whole_number' })
			.min(min, { error: outOfRange })
			.max(max, { error: outOfRange })
	);
/** The ticked boxes of one name: none, one or several of `values`. */
export const ticked = <T extends readonly [string, ...string[]]>(values: T) =>
	z.preprocess((v) => (v === undefined ? [] : [v].flat()), z.array(z.enum(values)));
/** A date field that may stay empty (`undefined` then). */
export const optionalDate = z
	.string()
	.trim()
	.optional()
	.transform((v) => v || undefined)
	.refine((v) => v === undefined || isIsoDate(v), { error: 'err_date' });
/**
 * A destructive action is confirmed first: the form that runs it is shown only after the person
 * asked for it, and carries this field (so a stray tap or a replayed form does nothing).
 */
export const confirmed = z.literal('yes', { error: 'err_confirm_first' });

/** An HTML checkbox: present ("on") or absent. */
export const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

/** The id of a staged import preview (services/imports/staging.ts), confirmed by its form. */
export const stagedId = z
	.string({ error: 'import_staged_expired' })
	.regex(/^[0-9a-f]{32}$/, { error: 'import_staged_expired' });

/**
 * An uploaded file: none chosen (the browser sends an empty, nameless part), a chosen file of
 * 0 bytes, and one over the limit each get their own message key.
 */
export const uploadedFile = (
	maxBytes: number,
	keys: { required: string; empty: string; tooLarge: string }
) =>
	z
		.file({ error: keys.required })
		.refine((f) => f.size > 0 || f.name === '', { error: keys.empty })
		.refine((f) => f.size > 0, { error: keys.required, abort: true })
		.refine((f) => f.size <= maxBytes, { error: keys.tooLarge });
