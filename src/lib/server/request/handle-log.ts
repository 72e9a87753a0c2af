import { type Handle, type RequestEvent, isHttpError } from '@sveltejs/kit';
import type { Logger } from 'pino';
import { t } from '$lib/i18n.ts';
import { log } from '../log.ts';

// a request id from a proxy or load balancer is kept (one id across their log and ours) when sane
const FORWARDED_ID = /^[\w.:-]{8,64}$/;

function requestIdOf(request: Request): string {
	const forwarded = request.headers.get('x-request-id');
	return forwarded && FORWARDED_ID.test(forwarded) ? forwarded : crypto.randomUUID();
}

/**
 * One JSON line per request: request id, user, route, method, status and duration, plus the error id
 * when the person was shown one. The request id is also sent back as `X-Request-Id`.
 * A health check that passes is logged at debug level only: a supervisor asks every few seconds.
 */
export function requestLogger(logger: Logger): Handle {
	return async ({ event, resolve }) => {
		const start = performance.now();
		event.locals.requestId = requestIdOf(event.request);
		let status = 500;
		try {
			const response = await resolve(event);
			status = response.status;
			response.headers.set('X-Request-Id', event.locals.requestId);
			return response;
		} catch (e) {
			// an error page raised by a hook (a busy database's 503) is what the person got
			if (isHttpError(e)) status = e.status;
			throw e;
		} finally {
			const line = {
				reqId: event.locals.requestId,
				userId: event.locals.user?.id ?? null,
				route: event.route.id,
				method: event.request.method,
				path: event.url.pathname,
				status,
				ms: Math.round((performance.now() - start) * 10) / 10,
				...(event.locals.errorId ? { errorId: event.locals.errorId } : {})
			};
			if (event.route.id === '/healthz' && status < 400) logger.debug(line, 'request');
			else logger.info(line, 'request');
		}
	};
}

export const handleRequestLog = requestLogger(log);

/** What a person is told for an answer SvelteKit raises itself (no route, a bad body …). */
const MESSAGE_OF_STATUS: Record<number, string> = {
	400: 'error_bad_form',
	404: 'error_not_found',
	413: 'error_body_too_large',
	415: 'error_unsupported_media_type'
};

/**
 * `handleError`: an unexpected error gets an id, shown to the person on the error page and logged
 * with the stack in the same line (and on the request's line), so that an administrator told the
 * id finds the cause. Expected answers (4xx) get a clear message and no id.
 */
export function errorReporter(logger: Logger) {
	return ({
		error,
		event,
		status
	}: {
		error: unknown;
		event: RequestEvent;
		status: number;
	}): App.Error => {
		if (status < 500) return { message: t(MESSAGE_OF_STATUS[status] ?? 'error_bad_request') };
		const id = crypto.randomUUID();
		event.locals.errorId = id;
		logger.error(
			{ reqId: event.locals.requestId, errorId: id, route: event.route.id, status, err: error },
			'unexpected error'
		);
		return { message: t('error_unexpected'), id };
	};
}

export const reportError = errorReporter(log);
