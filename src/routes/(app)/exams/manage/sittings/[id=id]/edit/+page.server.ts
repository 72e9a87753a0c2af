import { redirect } from '@sveltejs/kit';
import { sittingEditInput } from '$lib/schemas/exams.ts';
import { act } from '$lib/server/actions.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { examChoices } from '$lib/server/services/exams/manage.ts';
import { sittingFormValues, updateSitting } from '$lib/server/services/exams/sitting-edit.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return {
		...(await guard(() => sittingFormValues(ctx, Number(event.params.id)))),
		units: (await guard(() => examChoices(ctx))).units
	};
};

export const actions: Actions = {
	save: async (event) => {
		const out = await act(event, 'save', sittingEditInput, updateSitting, {
			extra: { sittingId: event.params.id }
		});
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/exams/manage/sittings/${out.result}?updated`);
	}
};
