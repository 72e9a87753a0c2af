import { error, json } from '@sveltejs/kit';
import { t } from '$lib/i18n.ts';
import { startAttemptInput } from '$lib/schemas/exams.ts';
import { act } from '$lib/server/actions.ts';
import { examDeviceId } from '$lib/server/exam-device.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { startExamAttempt } from '$lib/server/services/exams/attempts.ts';
import { attemptPaperJson } from '$lib/server/services/exams/view.ts';
import type { RequestHandler } from './$types';

/**
 * The sitting page's start when the page has JavaScript: the same operation as its form action
 * (`?/start`, what a browser without scripts posts, answered with a 303 to the exam page), but
 * answered with the attempt's paper itself, which the page hands to the exam page it opens
 * (lib/exams/handoff.ts). On exam day the whole roster presses start within seconds: one request
 * per candidate instead of two, and the paper goes out as the JSON text it is stored as — an
 * action's answer would escape it twice more (devalue, then JSON), a third of a start's cost.
 * A refusal answers with the action's own failure (`invalid` or `refused`, its status), which the
 * page shows as any form's.
 */
export const POST: RequestHandler = async (event) => {
	if (!event.locals.user) error(401, t('error_forbidden'));
	const deviceId = examDeviceId(event, true);
	const out = await act(event, 'start', startAttemptInput, startExamAttempt, {
		extra: { sittingId: event.params.id, deviceId }
	});
	if (out.kind === 'failed') return json(out.failure.data, { status: out.failure.status });
	const paper = await guard(() => attemptPaperJson(ctxOf(event), out.result, deviceId));
	return new Response(paper, {
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});
};
