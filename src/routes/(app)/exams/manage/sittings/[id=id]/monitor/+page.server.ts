import {
	extendAttemptInput,
	monitorQuery,
	releaseDeviceInput,
	voidAttemptInput
} from '$lib/schemas/exam-monitor.ts';
import { act, doneKeeping } from '$lib/server/actions.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import {
	extendExamAttempt,
	releaseExamDevice,
	voidExamAttempt
} from '$lib/server/services/exams/integrity.ts';
import { sittingMonitor } from '$lib/server/services/exams/monitor.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const done = event.url.searchParams.get('done');
	const query = monitorQuery.parse(Object.fromEntries(event.url.searchParams));
	return {
		monitor: await guard(() => sittingMonitor(ctx, Number(event.params.id), query)),
		done: done === 'extended' || done === 'voided' || done === 'released' ? done : null
	};
};

/** Back to the list as the proctor had it (state, search, page), saying what was done. */
const back = (event: { url: URL }, what: string): never =>
	doneKeeping(event, what, ['show', 'q', 'page']);

export const actions: Actions = {
	extend: async (event) => {
		const out = await act(event, 'extend', extendAttemptInput, extendExamAttempt, {
			extra: { sittingId: event.params.id }
		});
		if (out.kind === 'failed') return out.failure;
		back(event, 'extended');
	},
	void: async (event) => {
		const out = await act(event, 'void', voidAttemptInput, voidExamAttempt, {
			extra: { sittingId: event.params.id }
		});
		if (out.kind === 'failed') return out.failure;
		back(event, 'voided');
	},
	releaseDevice: async (event) => {
		const out = await act(event, 'releaseDevice', releaseDeviceInput, releaseExamDevice, {
			extra: { sittingId: event.params.id }
		});
		if (out.kind === 'failed') return out.failure;
		back(event, 'released');
	}
};
