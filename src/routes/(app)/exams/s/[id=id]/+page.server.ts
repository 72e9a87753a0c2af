import { act } from '$lib/server/actions.ts';
import { error, redirect } from '@sveltejs/kit';
import { t } from '$lib/i18n.ts';
import { startAttemptInput } from '$lib/schemas/exams.ts';
import { examDeviceId } from '$lib/server/exam-device.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { startExamAttempt } from '$lib/server/services/exams/attempts.ts';
import { sittingForCandidate } from '$lib/server/services/exams/view.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const sitting = await guard(() => sittingForCandidate(ctx, Number(event.params.id)));
	if (!sitting) error(404, t('error_not_found'));
	if (sitting.inProgress) redirect(303, `/exams/a/${sitting.inProgress.id}`);
	return { sitting };
};

export const actions: Actions = {
	// a page with JavaScript starts through ./start/+server.ts, which answers with the paper
	start: async (event) => {
		const out = await act(event, 'start', startAttemptInput, startExamAttempt, {
			extra: { sittingId: event.params.id, deviceId: examDeviceId(event, true) }
		});
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/exams/a/${out.result}`);
	}
};
