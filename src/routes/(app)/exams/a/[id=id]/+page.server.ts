import { act } from '$lib/server/actions.ts';
import { redirect } from '@sveltejs/kit';
import { answerFieldsInput, submitAttemptInput } from '$lib/schemas/exams.ts';
import { examDeviceId } from '$lib/server/exam-device.ts';
import { submitExamAttempt } from '$lib/server/services/exams/attempts.ts';
import { saveFromForm } from '$lib/server/services/exams/form-save.ts';
import { answerFieldsOf } from '../../../practice/s/[id=id]/fields.ts';
import type { Actions } from './$types';

// Without JavaScript each question is a form: saving it moves to the question asked for (or to the
// review before submitting); with JavaScript the page saves every answer as it is given instead.
// The device is the browser's cookie, never a form field: it goes to the service beside the
// parsed input (the schema would drop it), so a one-device sitting knows its own browser.
export const actions: Actions = {
	save: async (event) => {
		const id = event.params.id;
		let go = '';
		const deviceId = examDeviceId(event);
		const out = await act(
			event,
			'save',
			answerFieldsInput,
			(ctx, input) => saveFromForm(ctx, { ...input, deviceId }),
			{
				extra: (form) => {
					go = String(form.get('go') ?? '');
					return { attemptId: id, fields: answerFieldsOf(form) };
				}
			}
		);
		if (out.kind === 'failed') return out.failure;
		if (out.result.kind === 'closed') redirect(303, `/exams/a/${id}/result`);
		redirect(
			303,
			go === 'review' ? `/exams/a/${id}?review` : `/exams/a/${id}?q=${Number(go) || 1}`
		);
	},
	submit: async (event) => {
		const id = event.params.id;
		const deviceId = examDeviceId(event);
		const out = await act(
			event,
			'submit',
			submitAttemptInput,
			(ctx, input) => submitExamAttempt(ctx, { ...input, deviceId }),
			{ extra: { attemptId: id } }
		);
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/exams/a/${id}/result`);
	}
};
