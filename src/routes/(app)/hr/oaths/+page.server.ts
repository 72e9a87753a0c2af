import { redirect } from '@sveltejs/kit';
import { ceremonyInput } from '$lib/schemas/hr.ts';
import { act } from '$lib/server/actions.ts';
import { coreLabel, coreMessage } from '$lib/server/core-messages.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { oathRegister, recordCeremony } from '$lib/server/services/hr/oaths.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const register = await guard(() => oathRegister(ctx));
	return {
		...register,
		register: register.register.map((r) => ({
			...r,
			body: coreLabel(`oath.body.${r.appointingBody}`)
		})),
		deadlineRule: coreMessage(`oath.unit.${register.policy.unit}`)
	};
};

export const actions: Actions = {
	record: async (event) => {
		const form = await event.request.formData();
		const out = await act(event, 'record', ceremonyInput, recordCeremony, {
			form,
			// ticked appointments arrive as several values of one name
			extra: { appointmentIds: form.getAll('appointmentIds') }
		});
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/hr/oaths/${out.result}?done=recorded`);
	}
};
