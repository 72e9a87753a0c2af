import { ctxOf } from '$lib/server/http.ts';
import { navFor } from '$lib/server/nav/index.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	// a user holding a one-time password never gets here (handleForcedPasswordChange)
	const { user } = ctxOf(event);
	return { nav: navFor(user) };
};
