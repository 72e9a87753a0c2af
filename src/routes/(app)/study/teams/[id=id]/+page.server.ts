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
import { addTeamMembers, removeTeamMember, updateTeam } from '$lib/server/services/study/teams.ts';
import type { Actions, PageServerLoad } from './$types';
import { teamPage } from './page-data.server.ts';

export const load: PageServerLoad = (event) =>
	guard(() => teamPage(ctxOf(event), Number(event.params.id), event.url));

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
