import { fail, redirect } from '@sveltejs/kit';
import { t } from '$lib/i18n.ts';
import { MATERIAL_MAX_BYTES, createReadingInput } from '$lib/schemas/study.ts';
import { act } from '$lib/server/actions.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { createReading, listReadings } from '$lib/server/services/study/readings.ts';
import { readUploadForm } from '$lib/server/uploads/form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(() => listReadings(ctx));
};

export const actions: Actions = {
	create: async (event) => {
		// the sign-in first: nobody else makes the server read 5 MB
		ctxOf(event);
		// streamed: a 5 MB file is never buffered and parsed in one go on the request loop
		const form = await readUploadForm(event.request, MATERIAL_MAX_BYTES);
		if (!form) {
			const message = t('study_material_too_large');
			return fail(413, {
				kind: 'invalid' as const,
				action: 'create',
				values: {},
				errors: { file: message },
				message
			});
		}
		const out = await act(event, 'create', createReadingInput, createReading, { form });
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/study/readings/${out.result}?done=created`);
	}
};
