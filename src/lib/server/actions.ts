/**
 * Form actions in the sverdle example's shape: read the body once, parse it with the operation's
 * one schema, run the service, and answer with a small tagged result the page switches on
 * (`form?.kind === 'invalid'`), never with a bag of optional fields to probe.
 */
import { type ActionFailure, type RequestEvent, error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { XuefaError } from '@xuefa/core';
import { t } from '$lib/i18n.ts';
import type { Ctx } from './context.ts';
import { describeCoreError } from './core-messages.ts';
import {
	AppError,
	ConflictError,
	ForbiddenError,
	InvalidInputError,
	NotFoundError,
	RateLimitedError
} from './errors.ts';
import { formValues } from './forms.ts';
import { ctxOf, firstOfEach, zodFieldErrors } from './http.ts';

/** The input did not pass its schema or a rule: field messages, the values to refill, a summary. */
export interface Invalid {
	kind: 'invalid';
	/** Which form answered (a page with several forms shows the errors next to the right one). */
	action: string;
	values: Record<string, string>;
	errors: Record<string, string>;
	message: string;
}

/** The input was fine but the operation is not possible now (a conflict, a closed check-in …). */
export interface Refused {
	kind: 'refused';
	action: string;
	values: Record<string, string>;
	message: string;
}

export type Failed = ActionFailure<Invalid> | ActionFailure<Refused>;

/** What `act` hands back: the service's result, or the failure the action returns as it is. */
export type Acted<T> = { kind: 'done'; result: T } | { kind: 'failed'; failure: Failed };

/** Turns a service's typed error into a tagged failure; forbidden and not-found stop the page. */
export function failed(e: unknown, action: string, values: Record<string, string>): Failed {
	if (e instanceof ForbiddenError) error(403, t('error_forbidden'));
	if (e instanceof NotFoundError) error(404, t('error_not_found'));
	if (e instanceof InvalidInputError) {
		return fail(400, {
			kind: 'invalid' as const,
			action,
			values,
			errors: firstOfEach(e.fields),
			message: t(e.code, e.params)
		});
	}
	if (e instanceof XuefaError) {
		return fail(400, {
			kind: 'invalid' as const,
			action,
			values,
			errors: {},
			message: describeCoreError(e)
		});
	}
	if (e instanceof AppError) {
		const status = e instanceof ConflictError ? 409 : e instanceof RateLimitedError ? 429 : 400;
		return fail(status, { kind: 'refused' as const, action, values, message: t(e.code, e.params) });
	}
	throw e;
}

/**
 * Runs one operation for a form action: the body is read once (`form` when the route has already
 * read it, e.g. a streamed upload), merged with `extra` (ids from the URL, never from the form)
 * and parsed with `schema`.
 */
export async function act<S extends z.ZodType, T>(
	event: RequestEvent,
	action: string,
	schema: S,
	run: (ctx: Ctx, input: z.infer<S>) => Promise<T>,
	options: { extra?: Record<string, unknown>; form?: FormData; rows?: RegExp } = {}
): Promise<Acted<T>> {
	const ctx = ctxOf(event);
	const form = options.form ?? (await event.request.formData());
	const values = formValues(form, schema, options.rows);
	const parsed = schema.safeParse({ ...Object.fromEntries(form), ...options.extra });
	if (!parsed.success) {
		const failure = fail(400, {
			kind: 'invalid' as const,
			action,
			values,
			errors: firstOfEach(zodFieldErrors(parsed.error.issues)),
			message: t('error_invalid_input')
		});
		return { kind: 'failed', failure };
	}
	try {
		return { kind: 'done', result: await run(ctx, parsed.data) };
	} catch (e) {
		return { kind: 'failed', failure: failed(e, action, values) };
	}
}

/** After a successful form: back to `path` (the page itself by default), saying what was done. */
export function done(event: RequestEvent, what: string, path = event.url.pathname): never {
	redirect(303, `${path}?done=${what}`);
}
