import { error, json } from '@sveltejs/kit';
import { t } from '$lib/i18n.ts';
import { examDeviceId } from '$lib/server/exam-device.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { attemptStatus } from '$lib/server/services/exams/integrity.ts';
import type { RequestHandler } from './$types';

/** The attempt's deadline as it stands (an organiser may have extended it), for the page's timer. */
export const GET: RequestHandler = async (event) => {
	if (!event.locals.user) error(401, t('error_forbidden'));
	const ctx = ctxOf(event);
	const id = Number(event.params.id);
	return json(await guard(() => attemptStatus(ctx, id, examDeviceId(event))), {
		headers: { 'cache-control': 'no-store' }
	});
};
