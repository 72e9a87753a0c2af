import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n.ts';
import { examDeviceId } from '$lib/server/exam-device.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { attemptPaperJson } from '$lib/server/services/exams/view.ts';
import type { RequestHandler } from './$types';

/**
 * The candidate's paper as it stands (questions without keys, the answers saved so far, the
 * deadline), for the exam page's load (../+page.ts): the page itself and every reload ask here.
 */
export const GET: RequestHandler = async (event) => {
	if (!event.locals.user) error(401, t('error_forbidden'));
	const ctx = ctxOf(event);
	const id = Number(event.params.id);
	const paper = await guard(() => attemptPaperJson(ctx, id, examDeviceId(event)));
	return new Response(paper, {
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});
};
