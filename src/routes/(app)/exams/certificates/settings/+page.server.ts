import { CERTIFICATE_PARTS } from '$lib/schemas/exam-enums.ts';
import { certificatePolicyInput } from '$lib/schemas/certificates.ts';
import { act, done } from '$lib/server/actions.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import {
	certificatePolicyScreen,
	saveCertificatePolicy
} from '$lib/server/services/exams/certificate-policy.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return { ...(await guard(() => certificatePolicyScreen(ctx))), parts: CERTIFICATE_PARTS };
};

export const actions: Actions = {
	save: async (event) => {
		const form = await event.request.formData();
		const out = await act(event, 'save', certificatePolicyInput, saveCertificatePolicy, {
			form,
			// ticked parts arrive as several values of one name
			extra: { requiredParts: form.getAll('requiredParts') }
		});
		if (out.kind === 'failed') return out.failure;
		done(event, 'saved');
	}
};
