/**
 * Form actions in the sverdle example's shape: read the body once, parse it with the operation's
 * one schema, run the service, and answer with a small tagged result the page switches on
 * (`form?.kind === 'invalid'`), never with a bag of optional fields to probe.
 */
import { type RequestEvent, redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Ctx } from './context.ts';
import { type Failed, formInput, formValues } from './forms.ts';
import { ctxOf, invalidForm, mapError } from './http.ts';

export type { Failed, Invalid, Refused } from './forms.ts';

/** What `act` hands back: the service's result, or the failure the action returns as it is. */
export type Acted<T> = { kind: 'done'; result: T } | { kind: 'failed'; failure: Failed };

/**
 * Runs one operation for a form action: the body is read once (`form` when the route has already
 * read it, e.g. a streamed upload), each field the schema reads as a list comes as every value
 * sent, `extra` adds what the form does not choose (ids from the URL) or sends in a shape of its
 * own (answer fields named per part, read from the same form), and `schema` parses the whole.
 */
export async function act<S extends z.ZodType, T>(
	event: RequestEvent,
	action: string,
	schema: S,
	run: (ctx: Ctx, input: z.infer<S>) => Promise<T>,
	options: {
		extra?: Record<string, unknown> | ((form: FormData) => Record<string, unknown>);
		form?: FormData;
		rows?: RegExp;
	} = {}
): Promise<Acted<T>> {
	const ctx = ctxOf(event);
	const form = options.form ?? (await event.request.formData());
	const values = formValues(form, schema, options.rows);
	const extra = typeof options.extra === 'function' ? options.extra(form) : options.extra;
	const input = { ...Object.fromEntries(form), ...formInput(form, schema), ...extra };
	const parsed = schema.safeParse(input);
	if (!parsed.success) {
		return { kind: 'failed', failure: invalidForm(action, values, parsed.error.issues) };
	}
	try {
		return { kind: 'done', result: await run(ctx, parsed.data) };
	} catch (e) {
		return { kind: 'failed', failure: mapError(e, action, values) };
	}
}

/**
 * After a successful form on a filtered or paged list: back to the page as it was (the address's
 * `keep` parameters, e.g. the question and page a grader was on), saying what was done.
 */
export function doneKeeping(
	event: { url: URL },
	what: string,
	keep: readonly string[],
	hash = ''
): never {
	const next = new URLSearchParams();
	for (const k of keep) {
		const v = event.url.searchParams.get(k);
		if (v) next.set(k, v);
	}
	next.set('done', what);
	redirect(303, `${event.url.pathname}?${next}${hash}`);
}

/** After a successful form: back to `path` (the page itself by default), saying what was done. */
export function done(event: RequestEvent, what: string, path = event.url.pathname): never {
	redirect(303, `${path}?done=${what}`);
}
