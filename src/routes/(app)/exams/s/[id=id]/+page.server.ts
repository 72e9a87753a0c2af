import { act } from '$lib/server/actions.ts';
import { error, redirect } from '@sveltejs/kit';
import { t } from '$lib/i18n.ts';
import { startAttemptInput } from '$lib/schemas/exams.ts';
import { examDeviceId } from '$lib/server/exam-device.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { startExamAttempt } from '$lib/server/services/exams/attempts.ts';
import { attemptPaperJson, sittingForCandidate } from '$lib/server/services/exams/view.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const sitting = await guard(() => sittingForCandidate(ctx, Number(event.params.id)));
	if (!sitting) error(404, t('error_not_found'));
	if (sitting.inProgress) redirect(303, `/exams/a/${sitting.inProgress.id}`);
	return { sitting };
};

export const actions: Actions = {
	start: async (event) => {
		const deviceId = examDeviceId(event, true);
		let inline = false;
		const out = await act(event, 'start', startAttemptInput, startExamAttempt, {
			extra: (form) => {
				inline = form.get('paper') === 'inline';
				return { sittingId: event.params.id, deviceId };
			}
		});
		if (out.kind === 'failed') return out.failure;
		// a page with JavaScript asks for the paper with the start and hands it to the exam page
		// (lib/exams/handoff.ts): on exam day one request per candidate instead of two. The paper
		// goes as the JSON text it is mostly stored as, inside the action's answer
		if (inline) {
			const paper = await guard(() => attemptPaperJson(ctxOf(event), out.result, deviceId));
			return { kind: 'started' as const, paper };
		}
		redirect(303, `/exams/a/${out.result}`);
	}
};
