import { error, isHttpError, json } from '@sveltejs/kit';
import { t } from '$lib/i18n.ts';
import { saveAnswersInput } from '$lib/schemas/exams.ts';
import { InvalidInputError, RateLimitedError } from '$lib/server/errors.ts';
import { examDeviceId } from '$lib/server/exam-device.ts';
import { jsonBody } from '$lib/server/request/json-body.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { saveAnswers } from '$lib/server/services/exams/attempts.ts';
import type { RequestHandler } from './$types';

/**
 * The exam page's saves: a batch of answers with their sequence numbers, as JSON. One request per
 * batch; the answer is a tagged result (`saved`, or `closed` once time is up or it was submitted),
 * or 429 with Retry-After past the attempt's save rate (the page keeps the answers and waits).
 */
export const POST: RequestHandler = async (event) => {
	if (!event.locals.user) error(401, t('error_forbidden'));
	const ctx = ctxOf(event);
	const body = await jsonBody(event.request);
	const parsed = saveAnswersInput.safeParse({ ...body, attemptId: event.params.id });
	if (!parsed.success) error(400, t('error_invalid_input'));
	let result;
	try {
		result = await guard(() => saveAnswers(ctx, { ...parsed.data, deviceId: examDeviceId(event) }));
	} catch (e) {
		if (isHttpError(e)) throw e;
		// a save the page never sends (a question not on this paper, an answer of another type):
		// 400, not 409, which the page reads as its attempt moved to another device and stops saving
		if (e instanceof InvalidInputError) error(400, t(e.fields.saves?.[0] ?? e.code));
		if (e instanceof RateLimitedError)
			return json(
				{ kind: 'limited', message: t(e.messageKey, e.params) },
				{ status: 429, headers: { 'Retry-After': String(e.params.seconds) } }
			);
		throw e;
	}
	if (result.kind === 'closed')
		return json({
			...result,
			message: t(result.timeUp ? 'exam_time_up' : 'exam_already_submitted')
		});
	return json(result);
};
