import { redirect } from '@sveltejs/kit';
import { plannedYearAt } from '@xuefa/core';
import { planInput } from '$lib/schemas/study.ts';
import { act } from '$lib/server/actions.ts';
import { ctxOf, guard } from '$lib/server/http.ts';
import { createPlan, listPlans } from '$lib/server/services/study/plans.ts';
import { listTeams } from '$lib/server/services/study/teams.ts';
import { flatten, listUnits } from '$lib/server/services/units/list.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(async () => ({
		plans: await listPlans(ctx),
		teams: (await listTeams(ctx)).filter((t) => t.manage),
		units: flatten(await listUnits(ctx, 'study.manage'))
			.filter((u) => u.active)
			.map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
		// in December the plan being drawn up is next year's
		year: plannedYearAt(ctx.now)
	}));
};

export const actions: Actions = {
	create: async (event) => {
		const out = await act(event, 'create', planInput, createPlan);
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/study/plans/${out.result}?done=created`);
	}
};
