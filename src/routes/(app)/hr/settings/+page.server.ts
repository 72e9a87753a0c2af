import { APPOINTING_BODIES, COUNT_FROM_POINTS, VOIDED_ATTEMPT_EFFECTS } from '@xuefa/core';
import { policyInput } from '$lib/schemas/hr-policy.ts';
import { act, done } from '$lib/server/actions.ts';
import { coreLabel } from '$lib/server/core-messages.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { policyScreen, savePolicies } from '$lib/server/services/hr/policy.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const screen = await guard(() => policyScreen(ctx));
	const option = (prefix: string) => (value: string) => ({
		value,
		label: coreLabel(`${prefix}.${value}`)
	});
	return {
		...screen,
		options: {
			countFrom: COUNT_FROM_POINTS.map(option('promotion.count_from')),
			voidedAttempt: VOIDED_ATTEMPT_EFFECTS.map(option('promotion.void_effect')),
			unit: ['calendar', 'working'].map(option('oath.unit')),
			bodies: APPOINTING_BODIES.map(option('oath.body'))
		}
	};
};

export const actions: Actions = {
	save: async (event) => {
		const form = await event.request.formData();
		const out = await act(event, 'save', policyInput, savePolicies, {
			form,
			// ticked boxes of one name arrive as several values
			extra: { exemptions: form.getAll('exemptions'), mustSwear: form.getAll('mustSwear') }
		});
		if (out.kind === 'failed') return out.failure;
		done(event, 'saved');
	}
};
