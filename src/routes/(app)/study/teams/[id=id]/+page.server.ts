import {
	addSessionInput,
	addTeamMembersInput,
	removeTeamMemberInput,
	updateTeamInput
} from '$lib/schemas/study.ts';
import { act, done } from '$lib/server/actions.ts';
import { redirect } from '@sveltejs/kit';
import { ctxOf, guard } from '$lib/server/http.ts';
import { addSession } from '$lib/server/services/study/occurrences.ts';
import { teamRates } from '$lib/server/services/study/rates.ts';
import {
	addTeamMembers,
	getTeam,
	removeTeamMember,
	updateTeam
} from '$lib/server/services/study/teams.ts';
import { flatten, listUnits } from '$lib/server/services/units/list.ts';
import { yearOf } from '$lib/server/year.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = ctxOf(event);
	const teamId = Number(event.params.id);
	return guard(async () => {
		const team = await getTeam(ctx, teamId);
		const { year, years } = yearOf(event.url, ctx.now);
		return {
			...team,
			year,
			years,
			rates: await teamRates(ctx.db, teamId, year),
			units: team.manage
				? flatten(await listUnits(ctx, 'study.manage'))
						.filter((u) => u.active)
						.map((u) => ({ id: u.id, name: u.name, depth: u.depth }))
				: []
		};
	});
};

export const actions: Actions = {
	update: async (event) => {
		const extra = { teamId: event.params.id };
		const out = await act(event, 'update', updateTeamInput, updateTeam, { extra });
		if (out.kind === 'failed') return out.failure;
		done(event, 'saved');
	},
	addMembers: async (event) => {
		const extra = { teamId: event.params.id };
		const out = await act(event, 'addMembers', addTeamMembersInput, addTeamMembers, { extra });
		if (out.kind === 'failed') return out.failure;
		done(event, 'added');
	},
	removeMember: async (event) => {
		const extra = { teamId: event.params.id };
		const out = await act(event, 'removeMember', removeTeamMemberInput, removeTeamMember, {
			extra
		});
		if (out.kind === 'failed') return out.failure;
		done(event, 'removed');
	},
	addSession: async (event) => {
		const extra = { teamId: event.params.id };
		const out = await act(event, 'addSession', addSessionInput, addSession, { extra });
		if (out.kind === 'failed') return out.failure;
		redirect(303, `/study/sessions/${out.result}?done=created`);
	}
};
