import { redirect } from '@sveltejs/kit';
import { plannedSpanAt } from '@xuefa/core';
import { scheduleInput } from '$lib/schemas/study.ts';
import { act } from '$lib/server/actions.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { createSchedule, listSchedules } from '$lib/server/services/study/schedules.ts';
import { listTeams } from '$lib/server/services/study/teams.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(async () => ({
		schedules: await listSchedules(ctx),
		teams: (await listTeams(ctx)).filter((t) => t.manage),
		// in December next year's; else from today, not weeks already past
		span: plannedSpanAt(ctx.now)
	}));
};

export const actions: Actions = {
	create: async (event) => {
		const out = await act(event, 'create', scheduleInput, createSchedule);
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/study/schedules/${out.result}?done=created`);
	}
};
