import { error, json } from '@sveltejs/kit';
import { t } from '$lib/i18n.ts';
import { focusEventInput } from '$lib/schemas/exam-monitor.ts';
import { examDeviceId } from '$lib/server/exam-device.ts';
import { jsonBody } from '$lib/server/request/json-body.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { recordFocusLoss } from '$lib/server/services/exams/integrity.ts';
import type { RequestHandler } from './$types';

/**
 * The exam page reports that the candidate left it (`{ kind: 'hidden' | 'blur' }`). The answer is
 * the attempt's status: open (with the count and the limit, so the page can warn before the last
 * one), or closed when this one reached the limit and the attempt was submitted.
 */
export const POST: RequestHandler = async (event) => {
	if (!event.locals.user) error(401, t('error_forbidden'));
	const ctx = ctxOf(event);
	const body = await jsonBody(event.request);
	const parsed = focusEventInput.safeParse({ ...body, attemptId: event.params.id });
	if (!parsed.success) error(400, t('error_invalid_input'));
	return json(
		await guard(() => recordFocusLoss(ctx, { ...parsed.data, deviceId: examDeviceId(event) }))
	);
};
