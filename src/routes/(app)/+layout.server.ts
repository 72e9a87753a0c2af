import { ctxOf } from '$lib/server/http.ts';
import { navFor } from '$lib/server/nav/index.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	// ctxOf sends a user with a one-time password to /account/password first
	const { user } = ctxOf(event);
	return { nav: navFor(user) };
};
