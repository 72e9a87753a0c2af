import { deleteReadingInput, readingInput } from '$lib/schemas/study.ts';
import { act, done } from '$lib/server/actions.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { deleteReading, getReading, signReading } from '$lib/server/services/study/readings.ts';
import type { Actions, PageServerLoad } from './$types';

// a member's visit counts as opening the material: not on a hover's preload (see the links)
export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const view = await guard(() => getReading(ctx, Number(event.params.id)));
	return { ...view, confirmDelete: event.url.searchParams.get('confirm') === 'delete' };
};

/** Every action of this page names its reading by the URL, never by a form field. */
const extra = (event: { params: { id: string } }) => ({ readingId: event.params.id });

export const actions: Actions = {
	sign: async (event) => {
		const out = await act(event, 'sign', readingInput, signReading, { extra: extra(event) });
		if (out.kind === 'failed') return out.failure;
		done(event, 'signed');
	},
	delete: async (event) => {
		const out = await act(event, 'delete', deleteReadingInput, deleteReading, {
			extra: extra(event)
		});
		if (out.kind === 'failed') return out.failure;
		done(event, 'deleted', '/study/readings');
	}
};
