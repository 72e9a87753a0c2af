import { redirect } from '@sveltejs/kit';
import { ctxOf } from '$lib/server/http.ts';
import { navFor } from '$lib/server/nav/index.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	const { user } = ctxOf(event);
	// A one-time password must be replaced before anything else.
	if (user.mustChangePassword && event.url.pathname !== '/account/password') {
		redirect(303, '/account/password');
	}
	return { nav: navFor(user) };
};
