import { removeCeremonyInput } from '$lib/schemas/hr.ts';
import { act, done } from '$lib/server/actions.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { ceremonyRecord, removeCeremony } from '$lib/server/services/hr/oaths.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return { record: await guard(() => ceremonyRecord(ctx, Number(event.params.id))) };
};

export const actions: Actions = {
	remove: async (event) => {
		const out = await act(event, 'remove', removeCeremonyInput, removeCeremony, {
			extra: { ceremonyId: event.params.id }
		});
		if (out.kind === 'failed') return out.failure;
		done(event, 'removed', '/hr/oaths');
	}
};
