import { type Handle, type RequestEvent, error, json, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { XuefaError } from '@xuefa/core';
import { t } from '$lib/i18n.ts';
import type { ApiErrorCode } from '$lib/schemas/api.ts';
import type { Ctx } from './context.ts';
import { describeCoreError } from './core-messages.ts';
import { invalid, refused } from './forms.ts';
import {
	AppError,
	ConflictError,
	type FieldErrors,
	ForbiddenError,
	InvalidInputError,
	NotFoundError,
	RateLimitedError,
	UnauthorizedError,
	isDatabaseBusy
} from './errors.ts';

/**
 * `target` if it is a path on this site, else '/'. Resolving against a dummy origin catches every
 * trick a browser would turn into another site (`//x`, `/\\x`, tabs and new lines inside).
 */
export function localPath(target: string | null | undefined): string {
	if (!target) return '/';
	try {
		const url = new URL(target, 'http://local.invalid');
		if (url.origin !== 'http://local.invalid') return '/';
		// dot segments resolve to a path that starts with two slashes (`/.//evil.example` →
		// `//evil.example`), which a browser reads as another host
		return url.pathname.startsWith('//') ? '/' : url.pathname + url.search + url.hash;
	} catch {
		return '/';
	}
}

/** The service context for a signed-in request; anyone else is sent to the login page. */
export function ctxOf(event: RequestEvent): Ctx {
	const user = event.locals.user;
	if (!user)
		redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	return { db: event.locals.db, user, now: new Date() };
}

// zod's own codes, for issues whose message is not one of our keys
const ZOD_CODE_MESSAGES: Record<string, string> = {
	invalid_type: 'err_invalid',
	invalid_value: 'err_invalid',
	too_small: 'err_required',
	too_big: 'err_too_long'
};

// `t` falls back to the key itself, so a message that is already text passes through unchanged
const localise = (key: string, params: Record<string, unknown> = {}): string => t(key, params);

export function zodFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
	const fields: FieldErrors = {};
	for (const issue of issues) {
		const path = issue.path.join('.') || '_';
		const key = issue.message.startsWith('err_')
			? issue.message
			: (ZOD_CODE_MESSAGES[issue.code] ?? 'err_invalid');
		(fields[path] ??= []).push(key);
	}
	return fields;
}

/** The first message of each field, in the reader's language. */
export function firstOfEach(fields: FieldErrors): Record<string, string> {
	return Object.fromEntries(
		Object.entries(fields).map(([k, v]) => [k, localise(v[0] ?? 'err_invalid')])
	);
}

/**
 * Turns a service error into the answer a person should see: the one place where typed errors
 * meet HTTP. Forbidden and not-found stop the page (error page); input problems go back to the
 * form to be corrected (`invalid`), conflicts, limits and a busy database refuse it as it stands
 * (`refused`). The form comes back filled in, so that the person can simply send it again.
 */
export function mapError(e: unknown, action = 'default', values: Record<string, string> = {}) {
	if (isDatabaseBusy(e)) return refused(503, action, values, t('error_busy'));
	if (e instanceof ForbiddenError) error(403, localise(e.code));
	if (e instanceof NotFoundError) error(404, t('error_not_found'));
	if (e instanceof InvalidInputError) {
		return invalid(400, action, values, firstOfEach(e.fields), localise(e.code, e.params));
	}
	if (e instanceof XuefaError) return invalid(400, action, values, {}, describeCoreError(e));
	if (e instanceof AppError) {
		const status = e instanceof ConflictError ? 409 : e instanceof RateLimitedError ? 429 : 400;
		return refused(status, action, values, localise(e.messageKey, e.params));
	}
	throw e;
}

/** The failure for input that does not pass its schema. */
export function invalidForm(
	action: string,
	values: Record<string, string>,
	issues: readonly z.core.$ZodIssue[]
) {
	return invalid(
		400,
		action,
		values,
		firstOfEach(zodFieldErrors(issues)),
		t('error_invalid_input')
	);
}

/** Runs a service for a load function, turning forbidden, not-found and conflicts into the error page. */
export async function guard<T>(run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (e) {
		if (e instanceof ForbiddenError) error(403, localise(e.code));
		if (e instanceof NotFoundError) error(404, t('error_not_found'));
		// the state forbids it (an exam attempt kept to another device): said in words, not a fault
		if (e instanceof ConflictError) error(409, localise(e.messageKey, e.params));
		if (isDatabaseBusy(e)) error(503, t('error_busy'));
		throw e;
	}
}

// Requests whose unexpected error was a busy database, marked by `busyErrorMessage`.
const busyRequests = new WeakSet<App.Locals>();

/**
 * For `handleError`: the message for a busy database (the request is then answered 503 by
 * {@link handleBusy}), or undefined for any other error.
 */
export function busyErrorMessage(e: unknown, event: RequestEvent): string | undefined {
	if (!isDatabaseBusy(e)) return undefined;
	busyRequests.add(event.locals);
	return t('error_busy');
}

/**
 * A busy database that reached SvelteKit unmapped (a load, an endpoint, a hook) is a temporary
 * condition, not a server fault: 503 with Retry-After instead of 500, whatever route it came from.
 */
export const handleBusy: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (e) {
		// thrown by a later hook (the session check), before any page could render it
		if (isDatabaseBusy(e)) error(503, t('error_busy'));
		throw e;
	}
	if (response.status !== 500 || !busyRequests.has(event.locals)) return response;
	const headers = new Headers(response.headers);
	headers.set('Retry-After', '5');
	return new Response(response.body, { status: 503, headers });
};

/** Why a token was refused, as the API's stable codes say it (else `unauthorized`). */
const UNAUTHORIZED_CODES: Partial<Record<string, ApiErrorCode>> = {
	api_token_expired: 'token_expired',
	api_token_suspended: 'token_suspended'
};

/**
 * The answer of `/api/v1` to a typed error: JSON with a stable code and a message in the caller's
 * language (see `ApiError` in schemas/api.ts), the status the OpenAPI document promises, and the
 * headers a client acts on (when to retry, how to authenticate).
 */
export function apiErrorResponse(e: unknown): Response {
	const answer = (status: number, code: ApiErrorCode, message: string, headers = {}) =>
		json({ code, message }, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
	if (isDatabaseBusy(e)) return answer(503, 'busy', t('error_busy'), { 'Retry-After': '5' });
	if (e instanceof UnauthorizedError) {
		return answer(401, UNAUTHORIZED_CODES[e.code] ?? 'unauthorized', t(e.code), {
			'WWW-Authenticate': 'Bearer realm="xuefa"'
		});
	}
	if (e instanceof ForbiddenError) return answer(403, 'forbidden', t('error_forbidden'));
	if (e instanceof NotFoundError) return answer(404, 'not_found', t('error_not_found'));
	if (e instanceof InvalidInputError)
		return answer(400, 'invalid_request', t('api_invalid_request'));
	if (e instanceof RateLimitedError) {
		return answer(429, 'rate_limited', localise(e.messageKey, e.params), {
			'Retry-After': String(e.params.seconds ?? 60)
		});
	}
	throw e;
}
