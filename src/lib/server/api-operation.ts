import { type RequestEvent, json } from '@sveltejs/kit';
import type { z } from 'zod';
import { AppError, ForbiddenError, InvalidInputError, NotFoundError } from './errors.ts';
import { apiErrorResponse } from './http.ts';
import {
	type ApiCtx,
	type ApiUse,
	OutsideTokenUnitsError,
	authenticateToken,
	bearerSecret,
	checkApiLimit,
	recordApiUse
} from './services/api/access.ts';

/** What an API service answers: the body, and the unit of the record read (for the audit log). */
export interface ApiResult<T> {
	body: T;
	unitId?: number;
}

// a record outside the token's units is answered 404 but audited as refused (see OutsideTokenUnitsError)
const outcomeOf = (e: unknown): ApiUse['outcome'] | null =>
	e instanceof ForbiddenError || e instanceof OutsideTokenUnitsError
		? 'forbidden'
		: e instanceof NotFoundError
			? 'not_found'
			: e instanceof InvalidInputError
				? 'invalid'
				: null;

/**
 * The shape of every `/api/v1` operation (the API's `act`): the bearer token is checked
 * (401), its rate limit (429), the path parameters parsed with the operation's schema (400), the
 * service run (404 or 200), and the answered request recorded — counted, last use, audited —
 * in one write. Errors are JSON with a stable code (see `apiErrorResponse`).
 */
export function apiOperation<S extends z.ZodType, T>(
	operation: string,
	schema: S,
	run: (ctx: ApiCtx, input: z.infer<S>) => Promise<ApiResult<T>>
) {
	return async (event: RequestEvent): Promise<Response> => {
		let ctx: ApiCtx;
		let key: Awaited<ReturnType<typeof checkApiLimit>>;
		try {
			const secret = bearerSecret(event.request.headers.get('authorization'));
			ctx = await authenticateToken(event.locals.db, secret, new Date());
			key = await checkApiLimit(ctx);
		} catch (e) {
			return apiErrorResponse(e);
		}
		const parsed = schema.safeParse(event.params);
		let use: ApiUse;
		let response: Response;
		if (!parsed.success) {
			use = { operation, outcome: 'invalid' };
			response = apiErrorResponse(new InvalidInputError({}));
		} else {
			// the parameters (an employee number) say whose record was asked for
			const params = parsed.data as Record<string, string>;
			try {
				const result = await run(ctx, parsed.data);
				use = { operation, params, outcome: 'ok', unitId: result.unitId ?? null };
				response = json(result.body, { headers: { 'Cache-Control': 'no-store' } });
			} catch (e) {
				const outcome = outcomeOf(e);
				if (!outcome || !(e instanceof AppError)) return apiErrorResponse(e);
				use = { operation, params, outcome };
				response = apiErrorResponse(e);
			}
		}
		try {
			await recordApiUse(ctx, key, use);
		} catch (e) {
			// unaudited, nothing is answered: a busy database is a 503 to retry
			return apiErrorResponse(e);
		}
		return response;
	};
}
