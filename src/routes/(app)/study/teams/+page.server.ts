import { teamInput } from '$lib/schemas/study.ts';
import { act } from '$lib/server/actions.ts';
import { redirect } from '@sveltejs/kit';
import { ctxOf, guard } from '$lib/server/http.ts';
import { listTeams, createTeam } from '$lib/server/services/study/teams.ts';
import { flatten, listUnits } from '$lib/server/services/units/list.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	return guard(async () => ({
		teams: await listTeams(ctx),
		units: flatten(await listUnits(ctx, 'study.manage'))
			.filter((u) => u.active)
			.map((u) => ({ id: u.id, name: u.name, depth: u.depth }))
	}));
};

export const actions: Actions = {
	create: async (event) => {
		const out = await act(event, 'create', teamInput, createTeam);
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/study/teams/${out.result}?done=created`);
	}
};
