import { redirect } from '@sveltejs/kit';
import { datesNeedYear } from '@xuefa/core';
import { addSessionInput, updateScheduleInput } from '$lib/schemas/study.ts';
import { act, done } from '$lib/server/actions.ts';
import { coreMessage } from '$lib/server/core-messages.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { loadSchedule } from '$lib/server/services/study/access.ts';
import { addSession } from '$lib/server/services/study/occurrences.ts';
import { getSchedule, updateSchedule } from '$lib/server/services/study/schedules.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(async () => {
		const s = await getSchedule(ctx, Number(event.params.id));
		return {
			...s,
			warnings: s.warnings.map((w) => coreMessage(w.code, w.data)),
			// a schedule reaching into next year: 2027/1/4, not 1/4
			showYear: datesNeedYear(
				s.sessions.map((x) => x.date),
				ctx.now
			)
		};
	});
};

export const actions: Actions = {
	update: async (event) => {
		const extra = { scheduleId: event.params.id };
		const out = await act(event, 'update', updateScheduleInput, updateSchedule, { extra });
		if (out.kind === 'failed') return out.failure;
		done(event, 'saved');
	},
	addSession: async (event) => {
		// the schedule's team, looked up on the server: a form never chooses it
		const ctx = ctxOf(event);
		const schedule = await guard(() => loadSchedule(ctx, Number(event.params.id), 'study.manage'));
		const out = await act(event, 'addSession', addSessionInput, addSession, {
			extra: { teamId: schedule.teamId }
		});
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/study/sessions/${out.result}?done=created`);
	}
};
