import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/auth/handle.ts';
import { invalidateSession } from '$lib/server/auth/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async (event) => {
		if (event.locals.session) await invalidateSession(event.locals.db, event.locals.session.id);
		clearSessionCookie(event);
		redirect(303, '/login');
	}
};
